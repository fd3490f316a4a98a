package dev.recon.reporting.casework.queue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A statement's text and its bind values in order. */
record SqlQuery(String sql, List<Object> params) {

  SqlQuery {
    params = List.copyOf(params);
  }

  void bind(PreparedStatement s) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      s.setObject(i + 1, params.get(i));
    }
  }
}

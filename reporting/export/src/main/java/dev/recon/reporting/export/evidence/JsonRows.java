package dev.recon.reporting.export.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.reporting.export.TenantReads;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Query results as JSON objects (one per row, columns by name), written as JSON lines. */
final class JsonRows {

  /** Rows one query may contribute to a pack. */
  static final int MAX_ROWS_PER_QUERY = 100_000;

  static final ObjectMapper JSON = new ObjectMapper();

  private JsonRows() {}

  /**
   * @param params bound in order: String, String[] (as text[]), java.time values, numbers
   */
  static List<ObjectNode> query(TenantReads reads, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement s = reads.prepare(sql)) {
      for (int i = 0; i < params.length; i++) {
        if (params[i] instanceof String[] array) {
          s.setArray(i + 1, s.getConnection().createArrayOf("text", array));
        } else {
          s.setObject(i + 1, params[i]);
        }
      }
      List<ObjectNode> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          if (rows.size() >= MAX_ROWS_PER_QUERY) {
            throw new IllegalStateException(
                "more than " + MAX_ROWS_PER_QUERY + " rows for one part of an evidence pack");
          }
          rows.add(row(rs, md));
        }
      }
      return rows;
    }
  }

  private static ObjectNode row(ResultSet rs, ResultSetMetaData md) throws SQLException {
    ObjectNode row = JSON.createObjectNode();
    for (int c = 1; c <= md.getColumnCount(); c++) {
      String name = md.getColumnLabel(c);
      int type = md.getColumnType(c);
      Object value = rs.getObject(c);
      if (value == null) {
        row.putNull(name);
      } else if (type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT) {
        row.put(name, rs.getLong(c));
      } else if (type == Types.BOOLEAN || type == Types.BIT) {
        row.put(name, rs.getBoolean(c));
      } else if (type == Types.TIMESTAMP_WITH_TIMEZONE
          || "timestamptz".equals(md.getColumnTypeName(c))) {
        row.put(name, rs.getObject(c, OffsetDateTime.class).toInstant().toString());
      } else if ("jsonb".equals(md.getColumnTypeName(c))
          || "json".equals(md.getColumnTypeName(c))) {
        try {
          row.set(name, JSON.readTree(rs.getString(c)));
        } catch (JsonProcessingException e) {
          row.put(name, rs.getString(c));
        }
      } else if (value instanceof Array array) {
        var node = row.putArray(name);
        for (Object o : (Object[]) array.getArray()) {
          node.add(o == null ? null : o.toString());
        }
      } else {
        row.put(name, rs.getString(c));
      }
    }
    return row;
  }

  static byte[] jsonLines(List<ObjectNode> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ObjectNode row : rows) {
      try {
        out.writeBytes(JSON.writeValueAsBytes(row));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("row not serialisable", e);
      }
      out.write('\n');
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

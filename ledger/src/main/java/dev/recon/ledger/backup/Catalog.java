package dev.recon.ledger.backup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/** What the PostgreSQL catalog says about the tables a backup holds. */
final class Catalog {

  /** Partitions the ledger archive detached and kept: their archive files are their backup. */
  private static final Pattern KEPT_ARCHIVED_PARTITION =
      Pattern.compile("archived_(journal_entries|postings)_y\\d{4}m\\d{2}");

  /** A table of the schema holding data: not a partition, not unlogged, not a Flyway history. */
  record Table(String schema, String name, List<String> columns, List<String> keyColumns) {
    String qualified() {
      return schema + "." + name;
    }
  }

  private Catalog() {}

  static boolean schemaExists(Connection c, String schema) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select 1 from pg_catalog.pg_namespace where nspname = ?")) {
      s.setString(1, schema);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Whether the current role reads and writes past row-level security (superuser, BYPASSRLS). */
  static boolean bypassesRowSecurity(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "select rolsuper or rolbypassrls from pg_catalog.pg_roles"
                    + " where rolname = current_user");
        ResultSet rs = s.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /**
   * The Flyway history tables of the schemas (recognised by their columns, since every module names
   * its own), by schema.
   */
  static Map<String, String> historyTables(Connection c, Collection<String> schemas)
      throws SQLException {
    Map<String, String> found = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select n.nspname, t.relname from pg_catalog.pg_class t"
                + " join pg_catalog.pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = any(?) and t.relkind = 'r'"
                + " and (select count(*) from pg_catalog.pg_attribute a where a.attrelid = t.oid"
                + " and not a.attisdropped and a.attname in"
                + " ('installed_rank', 'version', 'script', 'checksum', 'success')) = 5"
                + " order by 1, 2")) {
      s.setArray(1, c.createArrayOf("text", schemas.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.putIfAbsent(rs.getString(1), rs.getString(2));
        }
      }
    }
    return found;
  }

  /** The newest successful versioned migration in a history table, if any. */
  static Optional<String> schemaVersion(Connection c, String schema, String historyTable)
      throws SQLException {
    MigrationVersion newest = null;
    try (PreparedStatement s =
            c.prepareStatement(
                "select version from "
                    + quote(schema, historyTable)
                    + " where success and version is not null");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
        if (newest == null || v.compareTo(newest) > 0) {
          newest = v;
        }
      }
    }
    return Optional.ofNullable(newest).map(MigrationVersion::getVersion);
  }

  /**
   * The data tables of the schemas: ordinary and partitioned tables that are not partitions
   * (partitioned ones are read and written through their parent), not unlogged (transient by
   * design, lost at a crash anyway), not Flyway histories, not kept archived partitions. Ordered so
   * that every table comes after the tables its foreign keys reference.
   */
  static List<Table> dataTables(Connection c, Collection<String> schemas) throws SQLException {
    Set<String> histories = new LinkedHashSet<>();
    for (Map.Entry<String, String> h : historyTables(c, schemas).entrySet()) {
      histories.add(h.getKey() + "." + h.getValue());
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, List<String>> references = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select n.nspname, t.relname,"
                + " array(select a.attname::text from pg_catalog.pg_attribute a"
                + "   where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped"
                + "   and a.attgenerated = '' order by a.attnum),"
                + " array(select a.attname::text from pg_catalog.pg_constraint k"
                + "   cross join lateral unnest(k.conkey) with ordinality as u(attnum, pos)"
                + "   join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum = u.attnum"
                + "   where k.conrelid = t.oid and k.contype = 'p' order by u.pos),"
                + " array(select rn.nspname || '.' || r.relname from pg_catalog.pg_constraint f"
                + "   join pg_catalog.pg_class r on r.oid = f.confrelid"
                + "   join pg_catalog.pg_namespace rn on rn.oid = r.relnamespace"
                + "   where f.conrelid = t.oid and f.contype = 'f' and f.confrelid <> t.oid)"
                + " from pg_catalog.pg_class t"
                + " join pg_catalog.pg_namespace n on n.oid = t.relnamespace"
                + " where n.nspname = any(?) and t.relkind in ('r', 'p')"
                + " and not t.relispartition and t.relpersistence = 'p'"
                + " order by 1, 2")) {
      s.setArray(1, c.createArrayOf("text", schemas.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String schema = rs.getString(1);
          String name = rs.getString(2);
          if (histories.contains(schema + "." + name)
              || KEPT_ARCHIVED_PARTITION.matcher(name).matches()) {
            continue;
          }
          Table t = new Table(schema, name, strings(rs.getArray(3)), strings(rs.getArray(4)));
          tables.put(t.qualified(), t);
          references.put(t.qualified(), strings(rs.getArray(5)));
        }
      }
    }
    List<Table> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (String name : tables.keySet()) {
      place(name, tables, references, placed, new LinkedHashSet<>(), ordered);
    }
    return ordered;
  }

  private static void place(
      String name,
      Map<String, Table> tables,
      Map<String, List<String>> references,
      Set<String> placed,
      Set<String> visiting,
      List<Table> ordered) {
    if (placed.contains(name) || !tables.containsKey(name) || !visiting.add(name)) {
      return; // a reference cycle is broken at the table met again
    }
    for (String referenced : references.get(name)) {
      place(referenced, tables, references, placed, visiting, ordered);
    }
    placed.add(name);
    ordered.add(tables.get(name));
  }

  /** Sequences of the schemas with their last value (null if never used). */
  static List<SequenceValue> sequences(Connection c, Collection<String> schemas)
      throws SQLException {
    List<SequenceValue> found = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select schemaname::text, sequencename::text, last_value from pg_catalog.pg_sequences"
                + " where schemaname = any(?) order by 1, 2")) {
      s.setArray(1, c.createArrayOf("text", schemas.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long last = rs.getLong(3);
          found.add(
              new SequenceValue(rs.getString(1), rs.getString(2), rs.wasNull() ? null : last));
        }
      }
    }
    return found;
  }

  static String quote(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }

  /** Names come from the catalog or a checked manifest; quoted all the same. */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String columnList(List<String> columns) {
    StringBuilder s = new StringBuilder();
    for (String col : columns) {
      s.append(s.length() == 0 ? "" : ", ").append(quote(col));
    }
    return s.toString();
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add((String) v);
    }
    return List.copyOf(out);
  }
}

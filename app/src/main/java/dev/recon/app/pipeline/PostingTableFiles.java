package dev.recon.app.pipeline;

import dev.recon.ledger.posting.JournalEntryInvariants;
import dev.recon.ledger.posting.ParsedPostingTable;
import dev.recon.ledger.posting.PostingTable;
import dev.recon.ledger.posting.PostingTableError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tenants' posting tables from {@code [TENANT=]FILE} specifications ({@code --posting-rules},
 * {@code RECON_POSTING_RULES}, the config file's {@code postingRules}): a bare FILE is the table of
 * every tenant without one of its own, {@code TENANT=FILE} one tenant's. Every file is read and
 * checked before anything runs; every problem is listed, each naming where the specification came
 * from, the file and the key path in it ({@code acme.yaml: rules[3].legs[0].debit: ...}).
 */
public final class PostingTableFiles {

  /** Tables one process books by; beyond this a per-tenant file is not the way to configure. */
  public static final int MAX_TABLES = 100;

  /** A table file is about 10 KB; the ledger's reader refuses more than 64 Ki characters. */
  public static final long MAX_FILE_BYTES = 256 * 1024;

  /** The longest specification shown back in an error. */
  private static final int MAX_SHOWN = 120;

  /** The tables read, or every error found. */
  public record Loaded(TenantPostingTables tables, List<String> errors) {
    public Loaded {
      errors = List.copyOf(errors);
      if ((tables == null) == errors.isEmpty()) {
        throw new IllegalArgumentException("either tables or errors");
      }
    }

    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /** One specification: the tenant it is for (null: every tenant) and its file. */
  record Spec(String tenant, Path file) {}

  private PostingTableFiles() {}

  /** The built-in table for every tenant: nothing given. */
  public static Loaded none() {
    return new Loaded(TenantPostingTables.builtIn(), List.of());
  }

  /**
   * Reads the tables the specifications name.
   *
   * @param origin where the specifications come from, for errors ({@code --posting-rules}, ...)
   * @param specs {@code [TENANT=]FILE}, each at most once per tenant and once as the default
   */
  public static Loaded read(String origin, List<String> specs) {
    Objects.requireNonNull(origin, "origin");
    List<String> errors = new ArrayList<>();
    if (specs.size() > MAX_TABLES + 1) {
      errors.add(
          origin
              + ": "
              + specs.size()
              + " posting tables; at most "
              + MAX_TABLES
              + " tenants' tables and a default");
      return new Loaded(null, errors);
    }
    Path defaultFile = null;
    Map<String, Path> tenantFiles = new LinkedHashMap<>();
    for (String text : specs) {
      Spec spec = parse(origin, text, errors);
      if (spec == null) {
        continue;
      }
      if (spec.tenant() == null) {
        if (defaultFile != null) {
          errors.add(
              origin
                  + ": a default table twice ("
                  + defaultFile
                  + ", "
                  + spec.file()
                  + "); give TENANT=FILE for a tenant's own");
        } else {
          defaultFile = spec.file();
        }
      } else {
        Path first = tenantFiles.putIfAbsent(spec.tenant(), spec.file());
        if (first != null) {
          errors.add(
              origin
                  + ": tenant "
                  + spec.tenant()
                  + " given twice ("
                  + first
                  + ", "
                  + spec.file()
                  + ")");
        }
      }
    }
    if (tenantFiles.size() > MAX_TABLES) {
      errors.add(origin + ": more than " + MAX_TABLES + " tenants' posting tables");
      return new Loaded(null, errors);
    }
    // a file named twice is read and reported once
    Map<Path, PostingTable> read = new HashMap<>();
    List<Path> files = new ArrayList<>();
    if (defaultFile != null) {
      files.add(defaultFile);
    }
    files.addAll(tenantFiles.values());
    for (Path file : files) {
      if (!read.containsKey(file)) {
        read.put(file, table(file, errors));
      }
    }
    if (!errors.isEmpty()) {
      return new Loaded(null, errors);
    }
    Map<String, PostingTable> byTenant = new LinkedHashMap<>();
    tenantFiles.forEach((tenant, file) -> byTenant.put(tenant, read.get(file)));
    return new Loaded(
        TenantPostingTables.of(defaultFile == null ? null : read.get(defaultFile), byTenant),
        List.of());
  }

  /** {@code TENANT=FILE} when the text before the first {@code =} is no path, else a FILE. */
  static Spec parse(String origin, String text, List<String> errors) {
    String spec = text == null ? "" : text.strip();
    if (spec.isEmpty()) {
      errors.add(origin + ": an empty posting table; expected [TENANT=]FILE");
      return null;
    }
    String tenant = null;
    String file = spec;
    int eq = spec.indexOf('=');
    if (eq >= 0) {
      String before = spec.substring(0, eq);
      if (before.indexOf('/') < 0 && before.indexOf('\\') < 0) {
        tenant = before.strip();
        file = spec.substring(eq + 1).strip();
        if (!JournalEntryInvariants.isTenantId(tenant)) {
          errors.add(
              origin
                  + ": '"
                  + shown(tenant)
                  + "' is not a tenant id (letters, digits, '.', '_', '-', at most 64)");
          return null;
        }
        if (file.isEmpty()) {
          errors.add(origin + ": " + tenant + "= names no file");
          return null;
        }
      }
    }
    try {
      return new Spec(tenant, Path.of(file));
    } catch (InvalidPathException e) {
      errors.add(origin + ": '" + shown(file) + "' is not a file path: " + e.getReason());
      return null;
    }
  }

  /** A checked table, or null after adding its errors. */
  private static PostingTable table(Path file, List<String> errors) {
    ParsedPostingTable parsed;
    try {
      if (!Files.isRegularFile(file)) {
        errors.add(file + ": no such file");
        return null;
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        errors.add(
            file
                + ": "
                + size
                + " bytes; a posting table has at most "
                + MAX_FILE_BYTES
                + " bytes");
        return null;
      }
      parsed = PostingTable.read(file);
    } catch (IOException e) {
      errors.add(file + ": cannot read: " + e.getMessage());
      return null;
    }
    for (PostingTableError e : parsed.errors()) {
      errors.add(file + ": " + (e.path().isEmpty() ? "" : e.path() + ": ") + e.message());
    }
    return parsed.table();
  }

  private static String shown(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_SHOWN ? printable : printable.substring(0, MAX_SHOWN) + "...";
  }
}

package dev.recon.app.pipeline;

import dev.recon.ledger.posting.JournalEntryInvariants;
import dev.recon.ledger.posting.ParsedPostingTable;
import dev.recon.ledger.posting.PostingTable;
import dev.recon.ledger.posting.PostingTableError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tenants' posting tables from {@code [TENANT=]FILE} specifications ({@code --posting-rules},
 * {@code RECON_POSTING_RULES}, the config file's {@code postingRules}): a bare FILE is the table of
 * every tenant without one of its own, {@code TENANT=FILE} one tenant's. On Managed Flink, which
 * mounts no files, the tables are resources of the job jar instead ({@link #readResources}). Every
 * table is read and checked before anything runs; every problem is listed, each naming where the
 * specification came from, the file and the key path in it ({@code acme.yaml:
 * rules[3].legs[0].debit: ...}). The size of a table is the ledger's reader's to limit.
 */
public final class PostingTableFiles {

  /** Tables one process books by; beyond this a per-tenant file is not the way to configure. */
  public static final int MAX_TABLES = 100;

  /** A resource name longer than this is not one a jar was built with. */
  static final int MAX_RESOURCE_NAME_CHARS = 200;

  /** Relative names of resources in the job jar: segments of safe characters, no {@code ..}. */
  private static final Pattern RESOURCE_NAME =
      Pattern.compile("(?!.*(^|/)\\.\\.?(/|$))[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

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

  /** One specification: the tenant it is for (null: every tenant) and where its table is. */
  record Spec(String tenant, String location) {}

  /** Reads the table at a location, or adds its errors and gives null. */
  @FunctionalInterface
  private interface TableSource {
    PostingTable table(String location, List<String> errors);
  }

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
    return read(origin, specs, PostingTableFiles::fileTable);
  }

  /**
   * Reads the tables of {@code [TENANT=]RESOURCE} specifications, RESOURCE the name of a table in
   * the job jar ({@code posting/acme.yaml}, no leading {@code /}), from {@code classLoader}.
   *
   * @param origin where the specifications come from, for errors (a runtime property, ...)
   */
  public static Loaded readResources(String origin, List<String> specs, ClassLoader classLoader) {
    Objects.requireNonNull(classLoader, "classLoader");
    return read(origin, specs, (name, errors) -> resourceTable(classLoader, name, errors));
  }

  private static Loaded read(String origin, List<String> specs, TableSource source) {
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
    String defaultFile = null;
    Map<String, String> tenantFiles = new LinkedHashMap<>();
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
                  + spec.location()
                  + "); give TENANT=FILE for a tenant's own");
        } else {
          defaultFile = spec.location();
        }
      } else {
        String first = tenantFiles.putIfAbsent(spec.tenant(), spec.location());
        if (first != null) {
          errors.add(
              origin
                  + ": tenant "
                  + spec.tenant()
                  + " given twice ("
                  + first
                  + ", "
                  + spec.location()
                  + ")");
        }
      }
    }
    if (tenantFiles.size() > MAX_TABLES) {
      errors.add(origin + ": more than " + MAX_TABLES + " tenants' posting tables");
      return new Loaded(null, errors);
    }
    // a file named twice is read and reported once
    Map<String, PostingTable> read = new HashMap<>();
    List<String> files = new ArrayList<>();
    if (defaultFile != null) {
      files.add(defaultFile);
    }
    files.addAll(tenantFiles.values());
    for (String file : files) {
      if (!read.containsKey(file)) {
        read.put(file, source.table(file, errors));
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
          errors.add(origin + ": " + tenant + "= names no table");
          return null;
        }
      }
    }
    return new Spec(tenant, file);
  }

  /** A checked table from a file, or null after adding its errors. */
  private static PostingTable fileTable(String name, List<String> errors) {
    Path file;
    try {
      file = Path.of(name);
    } catch (InvalidPathException e) {
      errors.add("'" + shown(name) + "' is not a file path: " + e.getReason());
      return null;
    }
    if (!Files.isRegularFile(file)) {
      errors.add(file + ": no such file");
      return null;
    }
    try {
      return checked(file.toString(), PostingTable.read(file), errors);
    } catch (IOException e) {
      errors.add(file + ": cannot read: " + e.getMessage());
      return null;
    }
  }

  /** A checked table from a resource of the job jar, or null after adding its errors. */
  private static PostingTable resourceTable(
      ClassLoader classLoader, String name, List<String> errors) {
    if (name.length() > MAX_RESOURCE_NAME_CHARS || !RESOURCE_NAME.matcher(name).matches()) {
      errors.add(
          "'"
              + shown(name)
              + "' is not a resource name (a path in the job jar such as posting/acme.yaml:"
              + " letters, digits, '.', '_', '-' and '/' between them, no leading '/' or '..',"
              + " at most "
              + MAX_RESOURCE_NAME_CHARS
              + " characters)");
      return null;
    }
    try (InputStream in = classLoader.getResourceAsStream(name)) {
      if (in == null) {
        errors.add(name + ": no such resource in the job jar");
        return null;
      }
      return checked(name, PostingTable.read(in), errors);
    } catch (IOException e) {
      errors.add(name + ": cannot read: " + e.getMessage());
      return null;
    }
  }

  /** The table read, or null after adding its errors, each named by where it was read. */
  private static PostingTable checked(String name, ParsedPostingTable parsed, List<String> errors) {
    for (PostingTableError e : parsed.errors()) {
      errors.add(name + ": " + (e.path().isEmpty() ? "" : e.path() + ": ") + e.message());
    }
    return parsed.table();
  }

  private static String shown(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_SHOWN ? printable : printable.substring(0, MAX_SHOWN) + "...";
  }
}

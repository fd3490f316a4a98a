package dev.recon.ingestion.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may send files to a tenant's mailbox: exact addresses ({@code reports@psp.example}) and whole
 * domains ({@code @bank.example}, that domain only, not its subdomains). Comparison ignores case.
 *
 * <p>The From header is only as trustworthy as the receiving mail server's SPF/DKIM/DMARC
 * enforcement; this list narrows who can inject files, it does not authenticate them.
 */
public final class AllowedSenders {

  public static final int MAX_ENTRIES = 1_000;
  public static final int MAX_ADDRESS_CHARS = 254;

  private static final Pattern DOMAIN =
      Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
  private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");

  private final Set<String> addresses;
  private final Set<String> domains;

  private AllowedSenders(Set<String> addresses, Set<String> domains) {
    this.addresses = addresses;
    this.domains = domains;
  }

  /**
   * Builds the list.
   *
   * @throws IllegalArgumentException listing every malformed entry
   */
  public static AllowedSenders of(List<String> entries) {
    List<String> problems = problems(entries);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Set<String> addresses = new java.util.HashSet<>();
    Set<String> domains = new java.util.HashSet<>();
    for (String entry : entries) {
      String e = entry.trim().toLowerCase(Locale.ROOT);
      if (e.startsWith("@")) {
        domains.add(e.substring(1));
      } else {
        addresses.add(e);
      }
    }
    return new AllowedSenders(Set.copyOf(addresses), Set.copyOf(domains));
  }

  /** Every malformed entry, or an empty or oversized list; empty when the list is usable. */
  public static List<String> problems(List<String> entries) {
    List<String> problems = new ArrayList<>();
    if (entries == null || entries.isEmpty()) {
      problems.add("allowedSenders must list at least one address or @domain");
      return problems;
    }
    if (entries.size() > MAX_ENTRIES) {
      problems.add("allowedSenders has " + entries.size() + " entries, over " + MAX_ENTRIES);
      return problems;
    }
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      if (entry == null) {
        problems.add("allowedSenders[" + i + "] is missing");
        continue;
      }
      String e = entry.trim().toLowerCase(Locale.ROOT);
      boolean ok = e.startsWith("@") ? isDomain(e.substring(1)) : normalizedAddress(e).isPresent();
      if (!ok) {
        problems.add(
            "allowedSenders["
                + i
                + "] is neither an address (name@domain.example) nor a domain (@domain.example)");
      }
    }
    return problems;
  }

  /** What the allow-list says about one message's From and Sender headers. */
  public sealed interface Verdict {
    /** The message may be read. */
    record Allowed(String address) implements Verdict {}

    /**
     * The message must not be read; {@code reason} names at most the sender's domain, never the
     * full address, so it can go to the audit log.
     */
    record Refused(String reason) implements Verdict {}
  }

  /**
   * Checks the addresses of the From header (exactly one is required) and of the Sender header (if
   * present, it must be allowed too, so a list member cannot be named in From by somebody else's
   * submission that declares itself as Sender).
   */
  public Verdict check(List<String> fromAddresses, List<String> senderAddresses) {
    if (fromAddresses.size() != 1) {
      return new Verdict.Refused(
          "expected exactly one From address, found " + fromAddresses.size());
    }
    Optional<String> from = normalizedAddress(fromAddresses.get(0));
    if (from.isEmpty()) {
      return new Verdict.Refused("From address is malformed");
    }
    if (!allows(from.get())) {
      return new Verdict.Refused(
          "sender at domain " + domainOf(from.get()) + " is not on the allowed list");
    }
    if (senderAddresses.size() > 1) {
      return new Verdict.Refused("more than one Sender address");
    }
    if (senderAddresses.size() == 1) {
      Optional<String> sender = normalizedAddress(senderAddresses.get(0));
      if (sender.isEmpty()) {
        return new Verdict.Refused("Sender address is malformed");
      }
      if (!allows(sender.get())) {
        return new Verdict.Refused(
            "Sender header at domain " + domainOf(sender.get()) + " is not on the allowed list");
      }
    }
    return new Verdict.Allowed(from.get());
  }

  boolean allows(String normalizedAddress) {
    return addresses.contains(normalizedAddress) || domains.contains(domainOf(normalizedAddress));
  }

  /** The lower-cased address when it has the shape local@domain.tld, else empty. */
  static Optional<String> normalizedAddress(String address) {
    if (address == null || address.length() > MAX_ADDRESS_CHARS) {
      return Optional.empty();
    }
    String a = address.trim().toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    if (at <= 0 || a.indexOf('@') != at) {
      return Optional.empty();
    }
    String local = a.substring(0, at);
    String domain = a.substring(at + 1);
    if (!LOCAL_PART.matcher(local).matches()
        || local.startsWith(".")
        || local.endsWith(".")
        || local.contains("..")
        || !isDomain(domain)) {
      return Optional.empty();
    }
    return Optional.of(a);
  }

  private static boolean isDomain(String domain) {
    return domain.length() <= 253 && DOMAIN.matcher(domain).matches();
  }

  private static String domainOf(String normalizedAddress) {
    return normalizedAddress.substring(normalizedAddress.lastIndexOf('@') + 1);
  }
}

package dev.recon.matching.tolerant;

import java.io.Serializable;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One L2 rule, as data: which tenant and PSP it applies to ({@link #ANY} for all), its priority
 * (lower first), what it tolerates and the confidence every match it makes records.
 *
 * @param reference null when the rule does not compare references (amount and time only)
 * @param maxParts the most records on the "many" side of an N:1 or 1:N match
 */
public record ToleranceRule(
    String name,
    int priority,
    String tenant,
    String psp,
    int confidence,
    AmountTolerance amount,
    TimeWindow time,
    ReferenceNormalisation reference,
    Set<Allocation> allocations,
    int maxParts)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String ANY = "*";
  public static final int MAX_NAME_CHARS = 64;
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_CHARS + "}");
  public static final int MAX_PRIORITY = 1_000_000;
  public static final int MAX_CONFIDENCE = 100;

  /** Subsets of up to this many records are searched: the search grows combinatorially. */
  public static final int MAX_PARTS = 6;

  public static final int DEFAULT_MAX_PARTS = 4;

  /** The order rules are tried in: priority, then name, so equal priorities are still ordered. */
  public static final Comparator<ToleranceRule> ORDER =
      Comparator.comparingInt(ToleranceRule::priority).thenComparing(ToleranceRule::name);

  public ToleranceRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(psp, "psp");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(time, "time");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("rule name must match " + NAME + ": " + name);
    }
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority outside 0.." + MAX_PRIORITY);
    }
    if (confidence < 0 || confidence > MAX_CONFIDENCE) {
      throw new IllegalArgumentException("confidence outside 0.." + MAX_CONFIDENCE);
    }
    if (allocations.isEmpty()) {
      throw new IllegalArgumentException("a rule allows at least one allocation");
    }
    allocations = Set.copyOf(EnumSet.copyOf(allocations));
    if (maxParts < 2 || maxParts > MAX_PARTS) {
      throw new IllegalArgumentException("maxParts outside 2.." + MAX_PARTS);
    }
  }

  public boolean appliesTo(String tenantId, String pspName) {
    return (tenant.equals(ANY) || tenant.equals(tenantId))
        && (psp.equals(ANY) || psp.equalsIgnoreCase(pspName == null ? "" : pspName.strip()));
  }

  public boolean allows(Allocation allocation) {
    return allocations.contains(allocation);
  }
}

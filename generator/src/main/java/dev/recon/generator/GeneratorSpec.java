package dev.recon.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What world to generate: one tenant's orders over a date range, split between Adyen and Stripe,
 * with noise planted at the given rates. The same spec (seed included) always gives the same world.
 *
 * @param amountToleranceMinor the L2 amount tolerance the world is generated for: differences up to
 *     it must match, differences beyond it must break (written to the rules file)
 * @param maxBankFeeMinor the largest fee a bank takes off a payout that still counts as the payout
 *     (the L4 bank-fee tolerance)
 */
public record GeneratorSpec(
    long seed,
    String tenant,
    int orders,
    LocalDate firstDay,
    int days,
    List<String> currencies,
    double stripeShare,
    NoiseRates noise,
    long amountToleranceMinor,
    long maxBankFeeMinor) {

  public static final int MAX_ORDERS = 1_000_000;
  public static final int MAX_DAYS = 366;
  public static final long MAX_TOLERANCE_MINOR = 10_000;

  /** Currencies with two decimals only: the layouts are rendered with two-decimal amounts. */
  public static final List<String> SUPPORTED_CURRENCIES = List.of("EUR", "USD", "GBP");

  private static final Pattern TENANT = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public GeneratorSpec {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(noise, "noise");
    currencies = List.copyOf(currencies);
    if (!TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("tenant must match " + TENANT + ": " + tenant);
    }
    if (orders < 1 || orders > MAX_ORDERS) {
      throw new IllegalArgumentException("orders outside 1.." + MAX_ORDERS + ": " + orders);
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days outside 1.." + MAX_DAYS + ": " + days);
    }
    if (currencies.isEmpty() || !SUPPORTED_CURRENCIES.containsAll(currencies)) {
      throw new IllegalArgumentException(
          "currencies must be a non-empty subset of " + SUPPORTED_CURRENCIES + ": " + currencies);
    }
    if (currencies.stream().distinct().count() != currencies.size()) {
      throw new IllegalArgumentException("currencies repeat: " + currencies);
    }
    if (!(stripeShare >= 0 && stripeShare <= 1)) {
      throw new IllegalArgumentException("stripeShare outside 0..1: " + stripeShare);
    }
    if (amountToleranceMinor < 1 || amountToleranceMinor > MAX_TOLERANCE_MINOR) {
      throw new IllegalArgumentException(
          "amountToleranceMinor outside 1.." + MAX_TOLERANCE_MINOR + ": " + amountToleranceMinor);
    }
    if (maxBankFeeMinor < 1 || maxBankFeeMinor > MAX_TOLERANCE_MINOR) {
      throw new IllegalArgumentException(
          "maxBankFeeMinor outside 1.." + MAX_TOLERANCE_MINOR + ": " + maxBankFeeMinor);
    }
  }

  /**
   * {@code orders} orders of tenant "acme" over 14 days from 2026-11-02 in EUR, USD and GBP, a
   * quarter on Stripe, default noise, an L2 tolerance of 2 minor units and bank fees up to 5.00.
   */
  public static GeneratorSpec of(long seed, int orders) {
    return new GeneratorSpec(
        seed,
        "acme",
        orders,
        LocalDate.of(2026, 11, 2),
        14,
        SUPPORTED_CURRENCIES,
        0.25,
        NoiseRates.defaults(),
        2,
        500);
  }

  public GeneratorSpec withNoise(NoiseRates rates) {
    return new GeneratorSpec(
        seed,
        tenant,
        orders,
        firstDay,
        days,
        currencies,
        stripeShare,
        rates,
        amountToleranceMinor,
        maxBankFeeMinor);
  }

  public GeneratorSpec withStripeShare(double share) {
    return new GeneratorSpec(
        seed,
        tenant,
        orders,
        firstDay,
        days,
        currencies,
        share,
        noise,
        amountToleranceMinor,
        maxBankFeeMinor);
  }

  public GeneratorSpec withTenant(String name) {
    return new GeneratorSpec(
        seed,
        name,
        orders,
        firstDay,
        days,
        currencies,
        stripeShare,
        noise,
        amountToleranceMinor,
        maxBankFeeMinor);
  }

  /** The last day an order can be placed on. */
  public LocalDate lastDay() {
    return firstDay.plusDays(days - 1L);
  }
}

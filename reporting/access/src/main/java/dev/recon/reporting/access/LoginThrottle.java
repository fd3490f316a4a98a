package dev.recon.reporting.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Login attempts (password and TOTP alike) limited per user name and per client address, so neither
 * guessing one account from many addresses nor many accounts from one address gets far.
 */
public final class LoginThrottle {

  /** Per user: a burst of 5 attempts, then one every minute. */
  public static final int USER_BURST = 5;

  public static final Duration USER_REFILL = Duration.ofMinutes(1);

  /** Per client address: a burst of 20 attempts, then one every 10 seconds. */
  public static final int ADDRESS_BURST = 20;

  public static final Duration ADDRESS_REFILL = Duration.ofSeconds(10);

  private final TokenBuckets perUser;
  private final TokenBuckets perAddress;

  public LoginThrottle(Clock clock) {
    this.perUser = new TokenBuckets(USER_BURST, USER_REFILL, clock);
    this.perAddress = new TokenBuckets(ADDRESS_BURST, ADDRESS_REFILL, clock);
  }

  /** Takes one attempt from both buckets; false (and nothing taken) if either is empty. */
  public synchronized boolean tryAttempt(String username, String clientAddress) {
    String user = username.toLowerCase(Locale.ROOT);
    if (!perUser.hasToken(user) || !perAddress.hasToken(clientAddress)) {
      return false;
    }
    perUser.tryTake(user);
    perAddress.tryTake(clientAddress);
    return true;
  }
}

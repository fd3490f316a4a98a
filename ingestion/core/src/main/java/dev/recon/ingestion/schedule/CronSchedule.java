package dev.recon.ingestion.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A cron expression in the Unix five-field form ({@code "*}{@code /5 * * * *"}, {@code "0 6 * *
 * 1-5"}) evaluated in a stated time zone, so "06:00" means the finance team's morning, not UTC's.
 */
public final class CronSchedule {

  public static final int MAX_EXPRESSION_CHARS = 256;

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime executionTime;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime executionTime) {
    this.expression = expression;
    this.zone = zone;
    this.executionTime = executionTime;
  }

  /**
   * @throws IllegalArgumentException naming the expression and what is wrong with it
   */
  public static CronSchedule parse(String expression, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (expression == null || expression.isBlank() || expression.length() > MAX_EXPRESSION_CHARS) {
      throw new IllegalArgumentException("cron expression is missing or too long");
    }
    try {
      var cron = PARSER.parse(expression.strip());
      cron.validate();
      return new CronSchedule(expression.strip(), zone, ExecutionTime.forCron(cron));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cron expression '" + expression + "' is invalid: " + e.getMessage(), e);
    }
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first fire time strictly after {@code after}, if the expression ever fires again. */
  public Optional<Instant> nextAfter(Instant after) {
    return executionTime.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(Instant::from);
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}

package dev.rehearsal.migrations;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an apply or rollback did.
 *
 * @param before the version before (null = base: nothing applied)
 * @param after the version after, read back from the changelog (null = base)
 * @param ran the ids of the scripts run, in the order run
 * @param times how long each script took (with its changelog row), by id
 */
public record Outcome(BigDecimal before, BigDecimal after, List<BigDecimal> ran, Map<BigDecimal, Duration> times) {

  public Outcome {
    ran = List.copyOf(ran);
    times = Map.copyOf(times);
  }

  /** Without the scripts' times. */
  public Outcome(BigDecimal before, BigDecimal after, List<BigDecimal> ran) {
    this(before, after, ran, Map.of());
  }

  public static String show(BigDecimal version) {
    return version == null ? "base" : version.toPlainString();
  }
}

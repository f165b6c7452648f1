package dev.rehearsal.migrations;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an apply or rollback did.
 *
 * @param before the version before (null = base: nothing applied)
 * @param after the version after, read back from the changelog (null = base)
 * @param ran the ids of the scripts run, in the order run
 */
public record Outcome(BigDecimal before, BigDecimal after, List<BigDecimal> ran) {

  public Outcome {
    ran = List.copyOf(ran);
  }

  public static String show(BigDecimal version) {
    return version == null ? "base" : version.toPlainString();
  }
}

package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's declared exceptions ({@code allow:}), so that a known one-way or lossy migration is a reviewed
 * decision instead of a red build. Anything not declared here fails a round-trip.
 *
 * @param irreversible migrations a round-trip applies but does not roll back
 * @param lossy columns ({@code table.column}, lower case) whose values a rollback may lose
 */
public record Allow(List<BigDecimal> irreversible, List<String> lossy) {

  /** No exceptions. */
  public static final Allow NONE = new Allow(List.of(), List.of());

  public Allow {
    irreversible = List.copyOf(irreversible);
    lossy = lossy.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
  }

  public boolean isIrreversible(BigDecimal id) {
    return irreversible.stream().anyMatch(i -> i.compareTo(id) == 0);
  }
}

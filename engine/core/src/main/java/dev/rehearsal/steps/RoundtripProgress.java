package dev.rehearsal.steps;

import dev.rehearsal.migrations.Migration;
import java.util.List;

/**
 * Hears a round-trip step as it goes, so that each verdict can be shown as soon as it is known (a round-trip of a
 * few hundred migrations takes minutes). The interpreter passes it on to the run's listeners.
 */
public interface RoundtripProgress {

  /** Hears nothing. */
  RoundtripProgress NONE = new RoundtripProgress() {};

  /** The round-trip is about to check {@code migrations}, in this order. */
  default void started(List<Migration> migrations) {}

  /** One migration's verdict is known. */
  default void checked(Verdict verdict) {}
}

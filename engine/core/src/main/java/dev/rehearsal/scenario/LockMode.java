package dev.rehearsal.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL's table lock modes, weakest first; each conflicts with more of the others than the one before it (see
 * docs/locks.md for what each blocks).
 */
public enum LockMode {
  ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
  ACCESS_EXCLUSIVE;

  /** As the documentation writes it: {@code SHARE UPDATE EXCLUSIVE}. */
  public String shown() {
    return name().replace('_', ' ');
  }

  /** A mode as written in a scenario or reported by the engine ({@code share update exclusive} too). */
  public static Optional<LockMode> parse(String text) {
    String key = text.strip().replaceAll("[\\s_]+", "_").toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.name().equals(key)).findFirst();
  }

  public boolean strongerThan(LockMode other) {
    return compareTo(other) > 0;
  }
}

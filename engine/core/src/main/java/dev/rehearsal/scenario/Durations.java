package dev.rehearsal.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scenarios and options write them: {@code 500ms}, {@code 30s}, {@code 2min} ({@code 2m}), {@code 1h}. */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|min|m|h)");

  private Durations() {}

  /** The duration {@code text} names, rounded to the millisecond; empty when it names none (or less than 1 ms). */
  public static Optional<Duration> parse(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    double amount = Double.parseDouble(m.group(1));
    double millis = switch (m.group(2)) {
      case "ms" -> amount;
      case "s" -> amount * 1_000;
      case "min", "m" -> amount * 60_000;
      default -> amount * 3_600_000;
    };
    return millis < 1 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(millis)));
  }

  /** Whether {@code text} has a duration's form, whatever its amount. */
  public static boolean looksLikeOne(String text) {
    return DURATION.matcher(text.strip()).matches();
  }
}

package dev.rehearsal.steps;

import java.util.List;
import java.util.Objects;

/**
 * What a step produced: its checks (empty for steps that only act) and one line saying what it did.
 *
 * @param detail e.g. {@code 3 migrations applied, now at 20250103000000}
 */
public record StepOutcome(List<Check> checks, String detail) {

  public StepOutcome {
    checks = List.copyOf(checks);
    Objects.requireNonNull(detail, "detail");
  }

  public static StepOutcome done(String detail) {
    return new StepOutcome(List.of(), detail);
  }

  public static StepOutcome checked(Check check, String detail) {
    return new StepOutcome(List.of(check), detail);
  }

  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }
}

package dev.rehearsal.steps;

import java.util.List;
import java.util.Objects;

/**
 * What a step produced: its checks (empty for steps that only act) and one line saying what it did.
 *
 * @param detail e.g. {@code 3 migrations applied, now at 20250103000000}
 * @param verdicts a round-trip's verdicts as data, one per check (empty for other steps)
 */
public record StepOutcome(List<Check> checks, String detail, List<Verdict> verdicts) {

  public StepOutcome {
    checks = List.copyOf(checks);
    Objects.requireNonNull(detail, "detail");
    verdicts = List.copyOf(verdicts);
  }

  public StepOutcome(List<Check> checks, String detail) {
    this(checks, detail, List.of());
  }

  /** A round-trip's outcome: a check per verdict. */
  public static StepOutcome verdicts(List<Verdict> verdicts, String detail) {
    return new StepOutcome(verdicts.stream().map(Verdict::check).toList(), detail, verdicts);
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

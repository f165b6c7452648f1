package dev.rehearsal.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an input file (scenario, fixture, configuration) has problems; carries every problem found in it, not just the first. */
public final class InvalidInputException extends RuntimeException {

  private final transient List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator())));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("invalid input has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order of the file. */
  public List<Problem> problems() {
    return problems;
  }
}

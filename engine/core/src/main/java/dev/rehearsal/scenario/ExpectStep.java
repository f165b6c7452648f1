package dev.rehearsal.scenario;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code expect: {...}}: checks of the database's current state; each expectation is one check. */
public record ExpectStep(List<Expectation> expectations, SourcePosition position) implements Step {

  public static final String KEYWORD = "expect";

  public ExpectStep {
    expectations = List.copyOf(expectations);
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + " " + expectations.stream().map(Expectation::key).distinct().collect(Collectors.joining(", "));
  }
}

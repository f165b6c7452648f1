package dev.rehearsal.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How {@code seed: {generate: ...}} fills one column: {@code {range: [a, b]}}, {@code {one_of: [...]}},
 * {@code {text: N}} or {@code {dates: [d1, d2]}}.
 */
public record ColumnRule(String column, Values values, SourcePosition position) {

  public ColumnRule {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(position, "position");
  }

  /** The values a rule draws from. */
  public sealed interface Values {}

  /** Whole numbers from {@code low} to {@code high}, both included. */
  public record Range(long low, long high) implements Values {}

  /** One of the values listed (text, numbers or booleans, all of one kind). */
  public record OneOf(List<Object> values) implements Values {
    public OneOf {
      values = List.copyOf(values);
    }
  }

  /** Text of exactly {@code length} characters, different from row to row. */
  public record Text(int length) implements Values {}

  /** Days from {@code first} to {@code last}, both included. */
  public record Dates(LocalDate first, LocalDate last) implements Values {
    public Dates {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
    }
  }
}

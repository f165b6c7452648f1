package dev.rehearsal.scenario;

import java.util.List;
import java.util.Objects;

/**
 * {@code snapshot: LABEL} or {@code snapshot: {label: LABEL, values: [TABLE.COLUMN...]}}: remembers the schema and a
 * fingerprint of the data under a label, for later {@code schema: {same_as: LABEL}} and {@code data: {same_as:
 * LABEL}} expectations.
 *
 * @param values columns whose values are kept too, so a data difference can name them
 */
public record SnapshotStep(String label, List<String> values, SourcePosition position) implements Step {

  public static final String KEYWORD = "snapshot";

  public SnapshotStep {
    Objects.requireNonNull(label, "label");
    values = List.copyOf(values);
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + " " + label;
  }
}

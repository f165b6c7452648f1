package dev.rehearsal.scenario;

import java.util.Objects;

/**
 * {@code sql: SCRIPT} or {@code sql: {script: SCRIPT, expect_error: ...}}: run statements the way MyBatis runs a
 * migration script (each statement ends with {@code ;} at the end of a line; one transaction).
 */
public record SqlStep(String script, ExpectedError expectError, SourcePosition position) implements Step {

  public static final String KEYWORD = "sql";

  public SqlStep {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    String firstLine = script.strip().lines().findFirst().orElse("");
    return KEYWORD + " " + (firstLine.length() > 60 ? firstLine.substring(0, 57) + "..." : firstLine);
  }
}

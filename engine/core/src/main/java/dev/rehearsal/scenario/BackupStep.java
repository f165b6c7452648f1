package dev.rehearsal.scenario;

import java.util.Objects;

/**
 * {@code backup: LABEL}: a real, checksummed backup of the scenario's database, with a manifest; the label also
 * names a snapshot for {@code schema}/{@code data} {@code same_as}.
 */
public record BackupStep(String label, SourcePosition position) implements Step {

  public static final String KEYWORD = "backup";

  public BackupStep {
    Objects.requireNonNull(label, "label");
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

package dev.rehearsal.scenario;

import java.util.Objects;

/**
 * {@code corrupt_backup: LABEL} or {@code corrupt_backup: {label: LABEL, mode: flip_byte|truncate}}: damages a backup
 * file on purpose, to rehearse that a restore refuses it and leaves the database untouched.
 *
 * @param truncate cut the file in half instead of flipping one byte in its middle
 */
public record CorruptBackupStep(String label, boolean truncate, SourcePosition position) implements Step {

  public static final String KEYWORD = "corrupt_backup";

  public CorruptBackupStep {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + " " + label + (truncate ? " (truncate)" : " (flip a byte)");
  }
}

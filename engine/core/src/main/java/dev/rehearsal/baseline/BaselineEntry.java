package dev.rehearsal.baseline;

import dev.rehearsal.scenario.SourcePosition;
import java.util.Objects;

/**
 * The accepted round-trip verdict of one migration on one database.
 *
 * @param verdict the verdict as the round-trip gives it, e.g. {@code down fails} or {@code lossy rollback: users.bio}
 * @param sha256 the hash of the script's content ({@link ScriptHash}) when the verdict was recorded
 * @param reason one line saying why, for people reviewing the file; empty for a passed migration
 * @param position where the entry is in the baseline file (the start of the file for entries not read from one)
 */
public record BaselineEntry(String verdict, String sha256, String reason, SourcePosition position) {

  public BaselineEntry {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(position, "position");
  }
}

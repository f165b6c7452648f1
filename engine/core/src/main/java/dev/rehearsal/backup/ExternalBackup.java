package dev.rehearsal.backup;

import dev.rehearsal.database.BackupContents;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A backup file Rehearsal did not write (an operator's nightly dump), as checked before it is restored: its format,
 * size and SHA-256, how far it could be verified, and what the engine's reader found in it.
 *
 * @param format as the engine names it, e.g. {@code pg_dump custom archive}
 * @param verification how it was verified before the restore
 * @param manifest its manifest, when one lies beside it (checked), else null
 * @param contents each table with data and its row count, as the engine's reader lists the file
 */
public record ExternalBackup(Path file, String format, long sizeBytes, String sha256, Verification verification,
    Manifest manifest, BackupContents contents) {

  public ExternalBackup {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(contents, "contents");
  }

  /** How far a backup could be checked before it was restored. */
  public enum Verification {
    /** Its {@code .sha256} and manifest were there, and both agree with the file. */
    CHECKSUM_AND_MANIFEST("checksum and manifest"),
    /** Its {@code .sha256} was there and agrees; there is no manifest. */
    CHECKSUM("checksum (no manifest)"),
    /** Its manifest was there and agrees; there is no {@code .sha256}. */
    MANIFEST("manifest (no .sha256)"),
    /** Neither was there: only the restore and the read-back prove it. */
    UNVERIFIED("unverified");

    private final String shown;

    Verification(String shown) {
      this.shown = shown;
    }

    /** As reports show it. */
    public String shown() {
      return shown;
    }
  }
}

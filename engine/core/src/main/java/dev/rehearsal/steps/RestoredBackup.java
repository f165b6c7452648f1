package dev.rehearsal.steps;

import java.time.Duration;
import java.util.Objects;

/**
 * A backup file a scenario restored ({@code restore: {file: ...}}), as the reports show it: the file, what it is, how
 * far it was verified, and what the restore gave.
 *
 * @param file as shown: relative to the project root when inside it
 * @param format as its engine names it, e.g. {@code pg_dump custom archive}
 * @param verification {@code checksum and manifest}, {@code checksum (no manifest)}, {@code manifest (no .sha256)} or
 *     {@code unverified}
 * @param version the changelog's version after the restore ({@code base} when nothing is applied)
 * @param tables the tables restored, the changelog left out
 * @param rows their rows, all together
 * @param pending the migrations of the repository the changelog does not list
 * @param time how long the check, the restore and the read-back took
 */
public record RestoredBackup(String file, String format, long sizeBytes, String sha256, String verification,
    String version, int tables, long rows, int pending, Duration time) {

  public RestoredBackup {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(time, "time");
  }

  /** A size for people: {@code 912 bytes}, {@code 18.2 KiB}, {@code 3.4 GiB}. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}

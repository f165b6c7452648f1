package dev.rehearsal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files a killed Rehearsal left behind: the temporary files of backups ({@link AtomicFile#TEMPORARY}, and the UUID
 * names of earlier versions) under the backup directory, and the temporary logs earlier versions gave pg_dump and
 * pg_restore ({@code rehearsal-pgtool-*.log}) in the temporary directory. Only regular files with exactly those names
 * are touched, never through a symbolic link, and only when older than the age given.
 */
public final class Leftovers {

  private static final Pattern OLD_TEMPORARY = Pattern.compile(
      "\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.partial");
  private static final Pattern TOOL_LOG = Pattern.compile("rehearsal-pgtool-[0-9]+\\.log");
  /** backups/RUN/SCENARIO--DATABASE/FILE, and a level more for backups an operator put in a folder. */
  private static final int DEPTH = 4;

  private Leftovers() {}

  /** One file removed, or that could not be. */
  public record Removed(Path file, String what, String problem) {

    @Override
    public String toString() {
      return problem == null ? file + " (" + what + ")" : file + " (" + what + "): not removed: " + problem;
    }
  }

  /**
   * Removes the leftovers older than {@code olderThan}.
   *
   * @return each file removed, or found and not removable, for people
   */
  public static List<Removed> clean(Path backupsDir, Path tempDir, Duration olderThan) {
    Instant cutoff = Instant.now().minus(olderThan);
    List<Removed> removed = new ArrayList<>();
    if (Files.isDirectory(backupsDir, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> files = Files.walk(backupsDir, DEPTH)) {
        for (Path file : files.filter(f -> temporary(f.getFileName().toString())).sorted().toList()) {
          remove(file, cutoff, "a partial backup a stopped Rehearsal left", removed);
        }
      } catch (IOException e) {
        removed.add(new Removed(backupsDir, "the backup directory", "cannot be listed: " + e.getMessage()));
      }
    }
    if (Files.isDirectory(tempDir)) {
      try (Stream<Path> files = Files.list(tempDir)) {
        for (Path file : files.filter(f -> TOOL_LOG.matcher(f.getFileName().toString()).matches()).sorted()
            .toList()) {
          remove(file, cutoff, "a temporary log of pg_dump or pg_restore", removed);
        }
      } catch (IOException e) {
        removed.add(new Removed(tempDir, "the temporary directory", "cannot be listed: " + e.getMessage()));
      }
    }
    return removed;
  }

  private static boolean temporary(String name) {
    return AtomicFile.TEMPORARY.matcher(name).matches() || OLD_TEMPORARY.matcher(name).matches();
  }

  private static void remove(Path file, Instant cutoff, String what, List<Removed> removed) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile() || !attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
        return;
      }
      Files.delete(file);
      removed.add(new Removed(file, what, null));
    } catch (IOException e) {
      removed.add(new Removed(file, what, e.getMessage()));
    }
  }
}

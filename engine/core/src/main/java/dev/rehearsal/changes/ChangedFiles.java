package dev.rehearsal.changes;

import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.MigrationRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files added or changed since the merge base of a revision and {@code HEAD}: committed since, changed in the
 * work tree, or new and not ignored.
 *
 * @param ref the revision as given, e.g. {@code origin/main}
 * @param mergeBase the commit both share
 * @param files every such file, absolute and with links resolved
 */
public record ChangedFiles(String ref, String mergeBase, Set<Path> files) {

  public ChangedFiles {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(mergeBase, "mergeBase");
    files = Set.copyOf(files);
  }

  /** Whether {@code file} is one of them. */
  public boolean contains(Path file) {
    return files.contains(real(file));
  }

  /**
   * The ids of the migrations of {@code repository} whose scripts changed; every id when its environment file
   * changed, since its {@code ${variables}} change what every script runs.
   */
  public SortedSet<BigDecimal> migrations(MigrationRepository repository) {
    boolean environment = contains(repository.root().resolve("environments")
        .resolve(repository.environment() + ".properties"));
    SortedSet<BigDecimal> ids = new TreeSet<>();
    for (Migration migration : repository.migrations()) {
      if (environment || contains(migration.file())) {
        ids.add(migration.id());
      }
    }
    return ids;
  }

  /** {@code since origin/main (merge base 1a2b3c4d)}. */
  public String describe() {
    return "since " + ref + " (merge base " + mergeBase.substring(0, Math.min(12, mergeBase.length())) + ")";
  }

  /** The file's real path when it exists (git names files by theirs), else its absolute normalized path. */
  static Path real(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }
}

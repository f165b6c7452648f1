package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the reader checks references against, so that a scenario that names an unknown migration, fixture or
 * database fails validation before any database is touched.
 *
 * @param projectRoot file names in messages are shown relative to it
 * @param fixturesDir where {@code seed:} files are looked up
 * @param migrationIds every migration id of the repository
 * @param databases the names a scenario may list under {@code databases:}
 * @param allowOutsideProject golden files may lie outside the project root ({@code paths.allow_outside_project})
 */
public record ReadContext(Path projectRoot, Path fixturesDir, SortedSet<BigDecimal> migrationIds,
    List<String> databases, boolean allowOutsideProject) {

  /** A context that keeps golden files inside the project root. */
  public ReadContext(Path projectRoot, Path fixturesDir, SortedSet<BigDecimal> migrationIds, List<String> databases) {
    this(projectRoot, fixturesDir, migrationIds, databases, false);
  }

  public ReadContext {
    projectRoot = projectRoot.toAbsolutePath().normalize();
    fixturesDir = fixturesDir.toAbsolutePath().normalize();
    migrationIds = Collections.unmodifiableSortedSet(new TreeSet<>(migrationIds));
    databases = List.copyOf(databases);
  }

  /** How a path is shown in messages and reports: relative to the project root when inside it. */
  public String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(projectRoot) ? projectRoot.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}

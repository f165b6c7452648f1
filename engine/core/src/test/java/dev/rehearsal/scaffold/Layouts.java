package dev.rehearsal.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MyBatis repositories as users have them, in {@code src/test/resources/layouts}: what {@code migrate init} writes
 * (with two migrations filled in), a split changelog/app layout inside a Maven project, and a repository with
 * several environments inside a larger git repository. Each test copies one into a temporary directory.
 */
public final class Layouts {

  /** {@code migrate init} at the repository root: environments/development.properties, scripts/, drivers/. */
  public static final String MIGRATE_INIT = "migrate-init";
  /** src/main/resources/schema/{environments,mybatis,app} of a Maven project, the changelog script apart. */
  public static final String SPLIT = "split";
  /** db/migrations with local (SQLite), ci and production (PostgreSQL) and reporting (MariaDB) environments. */
  public static final String SEVERAL_ENVIRONMENTS = "several-environments";

  private static final Path LAYOUTS = Path.of("src/test/resources/layouts").toAbsolutePath().normalize();

  private Layouts() {}

  /**
   * Copies a layout into {@code dir} and returns {@code dir}. Run from another module, {@code layouts} is where
   * this module's copy is.
   */
  public static Path copy(Path layouts, String name, Path dir) {
    Path from = layouts.resolve(name);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path to = dir.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static Path copy(String name, Path dir) {
    return copy(LAYOUTS, name, dir);
  }
}

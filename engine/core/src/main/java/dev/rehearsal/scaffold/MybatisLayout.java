package dev.rehearsal.scaffold;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A MyBatis Migrations repository as found in a project directory.
 *
 * @param root the directory holding {@code environments/}
 * @param scriptsDirs the directories holding migration scripts, the one with the changelog-creating script first
 * @param environments every {@code environments/*.properties}, by name
 * @param scripts every migration script of {@code scriptsDirs}, by id
 * @param changelogScript the script that creates the changelog table, if one does
 * @param others other directories that look like MyBatis repositories, not used
 */
public record MybatisLayout(Path root, List<Path> scriptsDirs, List<EnvironmentFile> environments,
    List<Script> scripts, Optional<Script> changelogScript, List<Path> others) {

  public MybatisLayout {
    Objects.requireNonNull(root, "root");
    scriptsDirs = List.copyOf(scriptsDirs);
    environments = List.copyOf(environments);
    scripts = List.copyOf(scripts);
    Objects.requireNonNull(changelogScript, "changelogScript");
    others = List.copyOf(others);
  }

  /** How many scripts a directory holds. */
  public long scriptsIn(Path dir) {
    return scripts.stream().filter(s -> s.file().getParent().equals(dir)).count();
  }

  /**
   * The environment the SQLite scratch databases use: the one named {@code sqlite}, else one whose URL is SQLite's,
   * else {@code development} (MyBatis's default), else the first. Its URL is never used: only its changelog table,
   * script settings and variables.
   */
  public EnvironmentFile sqliteEnvironment() {
    return named("sqlite").or(() -> environments.stream().filter(e -> e.database().equals("sqlite")).findFirst())
        .or(() -> named("development")).orElse(environments.get(0));
  }

  /**
   * The environment meant for PostgreSQL: named {@code postgres}, else one whose URL is PostgreSQL's, one not named
   * for production first (its variables are the likelier to point at real systems).
   */
  public Optional<EnvironmentFile> postgresEnvironment() {
    return named("postgres").or(() -> named("postgresql")).or(() -> environments.stream()
        .filter(e -> e.database().equals("postgres"))
        .min(java.util.Comparator.comparing(e -> e.name().matches("(?i)prod(uction)?|live"))));
  }

  /** The environment meant for MariaDB or MySQL: named {@code mariadb}, else one whose URL is theirs, not production's first. */
  public Optional<EnvironmentFile> mariadbEnvironment() {
    return named("mariadb").or(() -> named("mysql")).or(() -> environments.stream()
        .filter(e -> e.database().equals("mariadb"))
        .min(java.util.Comparator.comparing(e -> e.name().matches("(?i)prod(uction)?|live"))));
  }

  private Optional<EnvironmentFile> named(String name) {
    return environments.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}

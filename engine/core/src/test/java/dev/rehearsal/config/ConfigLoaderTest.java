package dev.rehearsal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rehearsal.config.RehearsalConfig.DatabaseConfig;
import dev.rehearsal.scenario.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir
  Path root;

  private void write(String yaml) throws IOException {
    Files.writeString(root.resolve("rehearsal.yaml"), yaml);
  }

  private String problemsOf(Map<String, String> overrides) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConfigLoader.load(root, overrides));
    return e.problems().stream().map(p -> p + "\n").collect(Collectors.joining());
  }

  @Test
  void everyKeyHasADefaultWithoutRehearsalYaml() {
    RehearsalConfig config = ConfigLoader.load(root, Map.of());

    assertEquals(new RehearsalConfig(root, root.resolve("migrations"), List.of(root.resolve("migrations/scripts")),
        root.resolve("scenarios"), root.resolve("fixtures"), root.resolve("artifacts/migrations"),
        root.resolve("backups"), List.of(new DatabaseConfig("sqlite", "sqlite", "sqlite", true, Map.of()),
            new DatabaseConfig("postgres", "postgres", "postgres", false, Map.of()))), config);
    assertEquals(List.of("sqlite"), config.defaultDatabaseNames());
  }

  @Test
  void readsNestedKeysRelativeToTheProjectRoot() throws IOException {
    write("""
        paths:
          migrations: db/mybatis
          scenarios: rehearsals
          fixtures: rehearsals/data
          reports: out/json
          backups: out/backups
        databases:
          lite:
            kind: sqlite
            environment: development
          sqlite:
        """);

    RehearsalConfig config = ConfigLoader.load(root, Map.of());

    assertEquals(new RehearsalConfig(root, root.resolve("db/mybatis"), List.of(root.resolve("db/mybatis/scripts")),
        root.resolve("rehearsals"), root.resolve("rehearsals/data"), root.resolve("out/json"),
        root.resolve("out/backups"), List.of(
            new DatabaseConfig("lite", "sqlite", "development", true,
                Map.of("kind", "sqlite", "environment", "development")),
            new DatabaseConfig("sqlite", "sqlite", "sqlite", true, Map.of("kind", "sqlite")),
            new DatabaseConfig("postgres", "postgres", "postgres", false, Map.of()))), config);
  }

  @Test
  void readsAListOfScriptsDirectoriesInsideTheMigrationsDirectory() throws IOException {
    write("""
        paths:
          scripts: [changelog, scripts]
        """);

    RehearsalConfig config = ConfigLoader.load(root, Map.of());

    assertEquals(List.of(root.resolve("migrations/changelog"), root.resolve("migrations/scripts")),
        config.scriptsDirs());
  }

  @Test
  void reportsUnknownKeysWithTheirPosition() throws IOException {
    write("""
        paths:
          scenario: rehearsals
        databases:
          sqlite:
            enviroment: sqlite
        """);

    assertEquals("""
        rehearsal.yaml:2:3: unknown key 'paths.scenario' — known keys: paths.migrations, paths.scripts, \
        paths.scenarios, paths.fixtures, paths.reports, paths.backups, paths.baseline, paths.allow_outside_project, \
        databases.NAME.kind|environment|run_by_default|url|statement_timeout|lock_timeout|bin_dir|steps_as|collation|server|server_version
        rehearsal.yaml:5:5: unknown key 'databases.sqlite.enviroment' — known keys: paths.migrations, paths.scripts, \
        paths.scenarios, paths.fixtures, paths.reports, paths.backups, paths.baseline, paths.allow_outside_project, \
        databases.NAME.kind|environment|run_by_default|url|statement_timeout|lock_timeout|bin_dir|steps_as|collation|server|server_version
        """, problemsOf(Map.of()));
  }

  @Test
  void reportsValuesOfTheWrongShape() throws IOException {
    write("""
        paths:
          scenarios: [one, two]
          scripts: [scripts, ~]
        """);

    assertEquals("""
        rehearsal.yaml:2:14: 'paths.scenarios' must be a single value
        rehearsal.yaml:3:22: each item of 'paths.scripts' must be a directory name
        """, problemsOf(Map.of()));
  }

  @Test
  void overridesWinOverTheFile() throws IOException {
    write("""
        paths:
          scenarios: rehearsals
          scripts: [scripts]
        databases:
          sqlite:
            environment: sqlite
        """);
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("paths.scenarios", "other");
    overrides.put("paths.scripts", "changelog, scripts");
    overrides.put("databases.sqlite.environment", "ci");

    RehearsalConfig config = ConfigLoader.load(root, overrides);

    assertEquals(root.resolve("other"), config.scenariosDir());
    assertEquals(List.of(root.resolve("migrations/changelog"), root.resolve("migrations/scripts")),
        config.scriptsDirs());
    assertEquals(new DatabaseConfig("sqlite", "sqlite", "ci", true, Map.of("environment", "ci", "kind", "sqlite")),
        config.database("sqlite").orElseThrow());
  }

  @Test
  void reportsUnknownOverrideKeys() {
    assertEquals("""
        --config paths.scenario:1:1: unknown configuration key 'paths.scenario' — known keys: paths.migrations, \
        paths.scripts, paths.scenarios, paths.fixtures, paths.reports, paths.backups, paths.baseline, \
        paths.allow_outside_project, \
        databases.NAME.kind|environment|run_by_default|url|statement_timeout|lock_timeout|bin_dir|steps_as|collation|server|server_version
        """, problemsOf(Map.of("paths.scenario", "x")));
  }

  @Test
  void aControlCharacterInAPathIsAnErrorAtItsPosition() throws IOException {
    write("""
        paths:
          fixtures: "fix\\0tures"
          scripts: [scripts, "x\\e[2J"]
        """);

    assertEquals("""
        rehearsal.yaml:2:13: 'paths.fixtures' holds the control character U+0000 at character 4 — a path is plain \
        text; remove it
        rehearsal.yaml:3:22: each item of 'paths.scripts' holds the control character U+001B at character 2 — a \
        path is plain text; remove it
        --config paths.reports:1:1: 'paths.reports' holds the control character U+0007 at character 1 — a path is \
        plain text; remove it
        """, problemsOf(Map.of("paths.reports", "\u0007")));
  }
}

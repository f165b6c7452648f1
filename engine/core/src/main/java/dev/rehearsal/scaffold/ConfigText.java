package dev.rehearsal.scaffold;

import dev.rehearsal.config.Constants;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code rehearsal.yaml} that {@code init} writes: the keys for the layout found, and what was found. */
final class ConfigText {

  private ConfigText() {}

  static String render(Path project, MybatisLayout layout) {
    EnvironmentFile sqlite = layout.sqliteEnvironment();
    Optional<EnvironmentFile> postgres = layout.postgresEnvironment();
    StringBuilder text = new StringBuilder();
    text.append("# Rehearsal's project file, written by 'rehearse init'. Every key is described in Rehearsal's\n")
        .append("# docs/configuration.md; 'rehearse --help' lists the commands.\n")
        .append("#\n")
        .append("# What init found in this repository:\n");
    found(project, layout).forEach(line -> text.append("#   ").append(line).append('\n'));
    text.append("paths:\n")
        .append(pair("  migrations: " + scalar(Paths.relative(project, layout.root())),
            "the MyBatis repository: environments/ and the scripts"))
        .append(pair("  scripts: [" + layout.scriptsDirs().stream().map(d -> scalar(Paths.relative(layout.root(), d)))
            .collect(Collectors.joining(", ")) + "]", "inside it; MyBatis runs all of them in id order"))
        .append(pair("  scenarios: " + Constants.DEFAULT_SCENARIOS, "what 'rehearse run' runs"))
        .append(pair("  fixtures: " + Constants.DEFAULT_FIXTURES, "seed data the scenarios name"))
        .append(pair("  reports: " + Constants.DEFAULT_REPORTS, "JSON summaries (git-ignored)"))
        .append(pair("  backups: " + Constants.DEFAULT_BACKUPS, "backups of backup: steps (git-ignored)"))
        .append("databases:\n")
        .append(pair("  sqlite:", "embedded, a temporary file per scenario run; run by default"))
        .append(pair("    environment: " + scalar(sqlite.name()), "environments/" + sqlite.name() + ".properties"))
        .append("    # Only the environment's changelog table, script settings and ${variables} are used: every\n")
        .append("    # scenario run gets a fresh scratch database of Rehearsal's own, never the environment's url.\n")
        .append(pair("  postgres:", "'rehearse run --database postgres'"))
        .append(pair("    environment: " + scalar(postgres.orElse(sqlite).name()), postgres.isPresent()
            ? "environments/" + postgres.get().name() + ".properties" : "no PostgreSQL environment was found"))
        .append(pair("    url: " + Constants.DEFAULT_POSTGRES_URL, "the door only"))
        .append("    # Each run creates its own database through this URL and drops it afterwards; the user needs\n")
        .append("    # CREATEDB. REHEARSAL_POSTGRES_URL or --postgres-url override it.\n")
        .append(pair("    run_by_default: false", postgres.isPresent()
            ? "true runs every scenario on PostgreSQL too" : "true if your scripts are for PostgreSQL"));
    layout.mariadbEnvironment().ifPresent(mariadb -> text
        .append(pair("  mariadb:", "'rehearse run --database mariadb'"))
        .append(pair("    environment: " + scalar(mariadb.name()), "environments/" + mariadb.name() + ".properties"))
        .append(pair("    url: " + Constants.DEFAULT_MARIADB_URL, "the door only"))
        .append("    # Each run creates its own database and user through this URL and drops them afterwards; the\n")
        .append("    # user needs CREATE, DROP, CREATE USER and GRANT OPTION. Set collation: to production's.\n")
        .append(pair("    run_by_default: false", "true runs every scenario on MariaDB too")));
    return text.toString();
  }

  /** The findings, one per line, as the file's comment and {@code init}'s output show them. */
  static List<String> found(Path project, MybatisLayout layout) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("MyBatis repository: " + Paths.shown(project, layout.root()));
    lines.add("environments: " + layout.environments().stream()
        .map(e -> e.name() + (e.database().isEmpty() ? "" : " (" + e.database() + ")"))
        .collect(Collectors.joining(", ")));
    for (Path dir : layout.scriptsDirs()) {
      long count = layout.scriptsIn(dir);
      boolean changelog = layout.changelogScript().filter(s -> s.file().getParent().equals(dir)).isPresent();
      lines.add("scripts: " + Paths.shown(project, dir) + " (" + count + (count == 1 ? " script" : " scripts")
          + (changelog ? (count == 1 ? ", creates the changelog" : ", one creates the changelog") : "") + ")");
    }
    if (layout.scripts().isEmpty()) {
      lines.add("no migration scripts yet");
    } else {
      lines.add("migrations: " + layout.scripts().size() + ", from " + id(layout.scripts().get(0)) + " to "
          + id(layout.scripts().get(layout.scripts().size() - 1)));
    }
    EnvironmentFile sqlite = layout.sqliteEnvironment();
    lines.add("changelog table: " + sqlite.changelog() + (layout.changelogScript().isPresent() ? ""
        : " (no script creates it: Rehearsal does)"));
    lines.add(sqlite.statements() + " (environment " + sqlite.name() + ")");
    return lines;
  }

  private static String id(Script script) {
    return script.id().toPlainString();
  }

  /** A plain YAML scalar when it can be one, else single-quoted. */
  static String scalar(String value) {
    return value.matches("[A-Za-z0-9_.][A-Za-z0-9_./-]*") ? value : "'" + value.replace("'", "''") + "'";
  }

  private static String pair(String yaml, String comment) {
    int column = 40;
    return yaml + " ".repeat(Math.max(2, column - yaml.length())) + "# " + comment + "\n";
  }
}

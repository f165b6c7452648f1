package dev.rehearsal.cli;

import dev.rehearsal.database.Database;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.run.Project;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Base of the operator commands, which act on a database the operator names with {@code --db} (never on a scratch
 * database of a scenario run).
 */
abstract class OperatorCommand extends BaseCommand {

  @Option(names = "--db", paramLabel = "FILE|NAME", required = true,
      description = "The database to act on: a SQLite file, or a database name on the PostgreSQL server.")
  String db;

  @Option(names = "--database", paramLabel = "NAME",
      description = "Which configured database (kind and MyBatis environment) --db is. Default: the first one.")
  String database;

  Project opened;

  /**
   * Refuses to change a database the operator named unless they confirmed with {@code --yes}: Rehearsal's own
   * steps only ever run in scratch databases it created.
   */
  boolean confirmed(boolean yes, String doing) {
    if (!yes) {
      err().printf("error: %s changes %s, a database Rehearsal did not create — add --yes to confirm%n", doing, db);
    }
    return yes;
  }

  Migrator migrator() {
    Database target = target();
    return new Migrator(opened.repository(target), target.existing(db));
  }

  /** The configured database {@code --db} belongs to (its kind and MyBatis environment). */
  Database target() {
    opened = project.open();
    return database == null ? opened.databases().get(0) : opened.databases(List.of(database)).get(0);
  }
}

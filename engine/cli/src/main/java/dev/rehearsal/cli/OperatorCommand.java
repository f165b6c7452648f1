package dev.rehearsal.cli;

import dev.rehearsal.backup.Backups;
import dev.rehearsal.backup.Manifest;
import dev.rehearsal.database.Database;
import dev.rehearsal.run.Project;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Base of the operator commands, which act on a database the operator names with {@code --db} (never on a scratch
 * database of a scenario run).
 */
abstract class OperatorCommand extends PlainCommand {

  @Mixin
  OperatorOptions project;

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

  /** The database {@code --db} names, which need not exist yet. */
  NamedDatabase named() {
    opened = project.open();
    Database target = database == null ? opened.databases().get(0) : opened.databases(List.of(database)).get(0);
    return new NamedDatabase(opened, target, db);
  }

  /**
   * The database {@code --db} names, which must exist.
   *
   * @throws OptionException for a file that is not there, saying which {@code --database} took it for a file
   */
  NamedDatabase existing() {
    NamedDatabase named = named();
    if (!named.exists()) {
      throw new OptionException("no SQLite file " + named.file() + " — " + assumed(named));
    }
    return named;
  }

  /** Which configured database made {@code --db} a file, and how to name another. */
  String assumed(NamedDatabase named) {
    String which = database == null ? "--database " + named.database.name() + " (the first configured database) "
        + "was assumed, which takes a file" : "--database " + database + " takes a file";
    List<String> others = opened.databases().stream().filter(d -> !d.kind().equals(named.database.kind()))
        .map(d -> "--database " + d.name()).toList();
    return which + (others.isEmpty() ? "; give the path of an existing database file"
        : "; for a database on a server, pass " + String.join(" or ", others));
  }

  /** The options to repeat in a command this one suggests. */
  String dbOptions() {
    return (project.projectDir() == null ? "" : "-C " + project.projectDir() + " ")
        + (database == null ? "" : "--database " + database + " ") + "--db " + db;
  }

  /**
   * The target of {@code --to}: a migration id of the repository, or {@code head} ({@code up}) or {@code base}.
   *
   * @throws OptionException for anything else, naming only what this command takes
   */
  Target target(String to, boolean up) {
    String value = to.strip();
    String other = up ? "head" : "base";
    if (value.equals(other)) {
      return up ? Target.head() : Target.base();
    }
    if (value.equals(up ? "base" : "head")) {
      throw new OptionException(up ? "--to base is not an apply target — use an id or head (rollback goes to base)"
          : "--to head is not a rollback target — use an id or base");
    }
    if (value.matches("[0-9]+") && opened.repository().ids().contains(new BigDecimal(value))) {
      return Target.id(new BigDecimal(value));
    }
    throw new OptionException("--to " + to + " is not a migration id of the repository — give one of its ids or "
        + other + " ('rehearse list' shows the ids)");
  }

  /**
   * Backs the database up under {@code paths.backups} before this command changes it, and says where the backup
   * is and how to restore it.
   */
  void backUp(NamedDatabase named, String before) {
    Path file = named.newBackup(Clock.systemUTC(), before);
    Manifest manifest = named.backup(file, false);
    out().printf("backed up %s at version %s to %s (read back; checksum in %s)%n  undo with: rehearse restore %s "
        + "--latest --yes%n", db, manifest.version(), file, Backups.filesOf(file).checksum().getFileName(),
        dbOptions());
  }
}

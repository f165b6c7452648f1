package dev.rehearsal.cli;

import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rehearse apply}: migrate a database up to a version, after a checksummed backup of it. */
@Command(name = "apply", description = "Apply migrations to a database up to a version, after a checksummed "
    + "backup of it under paths.backups, read back before anything is changed.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:applied (or nothing to apply)",
        "1:a migration failed, or the backup could not be written or did not read back (then nothing was applied)",
        "2:invalid input or usage: an unknown target, one behind the database's version, a missing file without "
            + "--create; nothing was changed",
        ExitCodes.INFRASTRUCTURE_LINE})
final class ApplyCommand extends OperatorCommand {

  @Option(names = "--to", paramLabel = "ID|head", required = true,
      description = "Target version: a migration id of the repository, or head (all of them).")
  String to;

  @Option(names = "--yes", description = "Confirm that the named database is to be changed.")
  boolean yes;

  @Option(names = "--create",
      description = "Start a new, empty SQLite file if --db does not exist (there is nothing to back up then).")
  boolean create;

  @Option(names = "--no-backup", description = "Change the database without backing it up first.")
  boolean noBackup;

  @Override
  public Integer call() {
    if (!confirmed(yes, "apply")) {
      return ExitCodes.INVALID;
    }
    NamedDatabase named = named();
    Target target = target(to, true);
    boolean created = !named.exists();
    if (created && !create) {
      throw new OptionException("no SQLite file " + named.file() + " — " + assumed(named)
          + "; to start a new SQLite file, pass --create");
    }
    if (create && !named.isFile()) {
      throw new OptionException("--create starts a new SQLite file, and --database " + named.database.name()
          + " is a database on a server — create the database there first");
    }
    if (created) {
      createFile(named);
    }
    Migrator migrator = named.migrator();
    BigDecimal version = migrator.version();
    if (target instanceof Target.Id id && version != null && id.id().compareTo(version) < 0) {
      throw new OptionException("--to " + to + " is behind the database's version " + version.toPlainString()
          + ": apply only goes forward — to go back, run: rehearse rollback " + dbOptions() + " --to " + to
          + " --yes");
    }
    boolean changes = migrator.pending().stream()
        .anyMatch(m -> !(target instanceof Target.Id id) || m.id().compareTo(id.id()) <= 0);
    if (changes && !created && !noBackup) {
      backUp(named, "apply-" + target);
    }
    Outcome outcome = migrator.apply(target);
    out().printf("%d applied, now at version %s%n", outcome.ran().size(), Outcome.show(outcome.after()));
    return ExitCodes.OK;
  }

  private void createFile(NamedDatabase named) {
    try {
      Files.createFile(named.file());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + named.file() + ": " + e.getMessage(), e);
    }
    out().println("created " + named.file() + " (an empty SQLite database)");
  }
}

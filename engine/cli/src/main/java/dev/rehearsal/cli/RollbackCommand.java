package dev.rehearsal.cli;

import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rehearse rollback}: undo migrations of a database down to a version, after a checksummed backup of it. */
@Command(name = "rollback", description = "Roll a database back to a version (that version stays applied), after "
    + "a checksummed backup of it under paths.backups, read back before anything is changed.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:rolled back (or nothing to roll back)",
        "1:an undo failed, or the backup could not be written or did not read back (then nothing was undone)",
        "2:invalid input or usage: an unknown target, one ahead of the database's version, a missing file; "
            + "nothing was changed",
        ExitCodes.INFRASTRUCTURE_LINE})
final class RollbackCommand extends OperatorCommand {

  @Option(names = "--to", paramLabel = "ID|base", required = true,
      description = "Target version: a migration id of the repository (it stays applied), or base (none).")
  String to;

  @Option(names = "--yes", description = "Confirm that the named database is to be changed.")
  boolean yes;

  @Option(names = "--no-backup", description = "Change the database without backing it up first.")
  boolean noBackup;

  @Override
  public Integer call() {
    if (!confirmed(yes, "rollback")) {
      return ExitCodes.INVALID;
    }
    NamedDatabase named = existing();
    Target target = target(to, false);
    Migrator migrator = named.migrator();
    BigDecimal version = migrator.version();
    if (target instanceof Target.Id id && (version == null || id.id().compareTo(version) > 0)) {
      throw new OptionException("--to " + to + " is ahead of the database's version " + Outcome.show(version)
          + ": rollback only goes back — to go forward, run: rehearse apply " + dbOptions() + " --to " + to
          + " --yes");
    }
    boolean changes = version != null && (!(target instanceof Target.Id id) || id.id().compareTo(version) < 0);
    if (changes && !noBackup) {
      backUp(named, "rollback-" + target);
    }
    Outcome outcome = migrator.rollback(target);
    out().printf("%d rolled back, now at version %s%n", outcome.ran().size(), Outcome.show(outcome.after()));
    return ExitCodes.OK;
  }
}

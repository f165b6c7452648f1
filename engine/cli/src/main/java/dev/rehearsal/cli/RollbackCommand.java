package dev.rehearsal.cli;

import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rehearse rollback}: undo migrations of a database down to a version. */
@Command(name = "rollback", description = "Roll a database back to a version (that version stays applied).",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:rolled back", "1:an undo failed",
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class RollbackCommand extends OperatorCommand {

  @Option(names = "--to", paramLabel = "ID|base", required = true, description = "Target version.")
  String to;

  @Option(names = "--yes", description = "Confirm that the named database is to be changed.")
  boolean yes;

  @Override
  public Integer call() {
    if (!confirmed(yes, "rollback")) {
      return ExitCodes.INVALID;
    }
    Migrator migrator = migrator();
    Target target = opened.target(to, "--to");
    if (target instanceof Target.Head) {
      err().println("error: --to head is not a rollback target — use an id or base");
      return ExitCodes.INVALID;
    }
    Outcome outcome = migrator.rollback(target);
    out().printf("%d rolled back, now at version %s%n", outcome.ran().size(), Outcome.show(outcome.after()));
    return ExitCodes.OK;
  }
}

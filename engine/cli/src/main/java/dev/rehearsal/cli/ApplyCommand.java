package dev.rehearsal.cli;

import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.migrations.Outcome;
import dev.rehearsal.scenario.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rehearse apply}: migrate a database up to a version. */
@Command(name = "apply", description = "Apply migrations to a database up to a version.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:applied", "1:a migration failed",
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class ApplyCommand extends OperatorCommand {

  @Option(names = "--to", paramLabel = "ID|head", required = true, description = "Target version.")
  String to;

  @Option(names = "--yes", description = "Confirm that the named database is to be changed.")
  boolean yes;

  @Override
  public Integer call() {
    if (!confirmed(yes, "apply")) {
      return ExitCodes.INVALID;
    }
    Migrator migrator = migrator();
    Target target = opened.target(to, "--to");
    if (target instanceof Target.Base) {
      err().println("error: --to base is not an apply target — use an id or head (rollback goes to base)");
      return ExitCodes.INVALID;
    }
    Outcome outcome = migrator.apply(target);
    out().printf("%d applied, now at version %s%n", outcome.ran().size(), Outcome.show(outcome.after()));
    return ExitCodes.OK;
  }
}

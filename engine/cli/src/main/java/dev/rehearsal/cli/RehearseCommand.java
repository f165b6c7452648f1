package dev.rehearsal.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/** The top command: not runnable by itself, it lists its subcommands. */
@Command(name = "rehearse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Rehearses database migration rollbacks and restores before production has to.",
    subcommands = {RunCommand.class, RoundtripCommand.class, ValidateCommand.class, ListCommand.class,
        StatusCommand.class, ApplyCommand.class, RollbackCommand.class, BackupCommand.class, RestoreCommand.class,
        VerifyBackupCommand.class, CleanCommand.class, ReportCommand.class},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE,
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class RehearseCommand {

  /** The environment variables commands read (CI ids, {@code GITHUB_STEP_SUMMARY}). */
  final Map<String, String> environment;
  /** Whether the output is a terminal that can show a live progress line. */
  final boolean terminal;

  RehearseCommand(Map<String, String> environment, boolean terminal) {
    this.environment = Map.copyOf(environment);
    this.terminal = terminal;
  }
}

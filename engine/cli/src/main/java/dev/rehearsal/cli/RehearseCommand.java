package dev.rehearsal.cli;

import picocli.CommandLine.Command;

/** The top command: not runnable by itself, it lists its subcommands. */
@Command(name = "rehearse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Rehearses database migration rollbacks and restores before production has to.",
    subcommands = {RunCommand.class, RoundtripCommand.class, ValidateCommand.class, ListCommand.class,
        StatusCommand.class, ApplyCommand.class, RollbackCommand.class, BackupCommand.class, RestoreCommand.class,
        VerifyBackupCommand.class, CleanCommand.class},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE,
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class RehearseCommand {
}

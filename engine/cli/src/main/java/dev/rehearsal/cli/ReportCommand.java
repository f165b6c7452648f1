package dev.rehearsal.cli;

import picocli.CommandLine.Command;

/** {@code rehearse report}: work on reports that runs wrote; not runnable by itself. */
@Command(name = "report", description = "Work with the reports of earlier runs (merge the shards of a CI run).",
    subcommands = MergeCommand.class, exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.INVALID_LINE})
final class ReportCommand {
}

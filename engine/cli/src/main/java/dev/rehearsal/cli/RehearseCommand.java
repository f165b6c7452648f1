package dev.rehearsal.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: not runnable by itself, it lists its subcommands. */
@Command(name = "rehearse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Rehearses database migration rollbacks and restores before production has to.",
    subcommands = {InitCommand.class, RunCommand.class, RoundtripCommand.class, DrillCommand.class,
        ValidateCommand.class, ListCommand.class,
        StatusCommand.class, ApplyCommand.class, RollbackCommand.class, BackupCommand.class, RestoreCommand.class,
        VerifyBackupCommand.class, CleanCommand.class, ReportCommand.class},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE,
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class RehearseCommand {

  /** The environment variables commands read (CI ids, {@code GITHUB_STEP_SUMMARY}). */
  final Map<String, String> environment;
  /** Whether the output is a terminal that can show a live progress line. */
  final boolean terminal;

  /**
   * The project root. Inherited, so it is accepted before the subcommand ({@code rehearse -C DIR run}, as with git
   * and make) and after it ({@code rehearse run -C DIR}); either way the value lands in this one field.
   */
  @Option(names = {"-C", "--project-dir"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "The project: the directory that holds rehearsal.yaml. Default: the nearest directory at or "
          + "above the working directory that has one.")
  Path projectDir;

  RehearseCommand(Map<String, String> environment, boolean terminal) {
    this.environment = Map.copyOf(environment);
    this.terminal = terminal;
  }
}

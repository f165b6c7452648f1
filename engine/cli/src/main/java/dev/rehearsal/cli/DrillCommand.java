package dev.rehearsal.cli;

import dev.rehearsal.config.PathSafety;
import dev.rehearsal.database.Database;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.report.GithubAnnotations;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.report.LiveLine;
import dev.rehearsal.report.MarkdownWriter;
import dev.rehearsal.report.RecoveryReporter;
import dev.rehearsal.report.RoundtripReporter;
import dev.rehearsal.report.TerminalReporter;
import dev.rehearsal.run.DrillScenario;
import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.scenario.Durations;
import dev.rehearsal.scenario.RestoreFileStep;
import dev.rehearsal.steps.BackupFileChoice;
import dev.rehearsal.steps.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code rehearse drill FILE}: a recovery drill on a backup file Rehearsal did not write, without a scenario file —
 * restore it into a scratch database, round-trip the pending migrations on its rows, roll back to the restored
 * version, find the restored state again, and time it all against {@code --rto}.
 */
@Command(name = "drill", description = "Recovery drill on a backup file (a pg_dump archive or plain dump, a SQLite "
    + "file): restore it into a scratch database, round-trip the pending migrations on its rows, roll back, check "
    + "that the restored schema and data are back, and time it against --rto.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:restored, migrated, rolled back and found again "
        + "(within --rto when given)", "1:a check failed: the backup was refused or did not read back, a migration "
        + "failed its round-trip, the rollback did not give back the restored state, or --rto was exceeded",
        "2:invalid input: no such file, a file no configured database can restore, an unknown --database, a bad "
            + "--rto", ExitCodes.INFRASTRUCTURE_LINE})
final class DrillCommand extends BaseCommand {

  @Parameters(paramLabel = "FILE", arity = "1", description = "The backup file, or a quoted glob whose newest match "
      + "(by name, digits compared as numbers) is taken, e.g. 'backups/nightly/*.dump'.")
  String file;

  @Option(names = "--rto", paramLabel = "DURATION", description = "The recovery time objective, e.g. 30min: "
      + "restore + migrate + rollback must fit in it.")
  String rto;

  @Option(names = "--database", paramLabel = "NAME", description = "The configured database to drill on. Default: "
      + "the one whose engine reads FILE.")
  String database;

  @Option(names = "--keep", description = "Keep the scratch database and print how to open it.")
  boolean keep;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also write a Markdown summary; it is appended to $GITHUB_STEP_SUMMARY whenever that is set.")
  Path markdown;

  @Override
  public Integer call() {
    Duration objective = rto == null ? null : Durations.parse(rto).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "--rto " + rto + " is not a duration — write e.g. 30min, 90s, 1h or 500ms"));
    Project project = this.project.open();
    Path backup = backup(project);
    Database on = database(project, backup);
    Map<String, String> environment = environment();
    Path root = project.config().projectRoot();
    JsonSummaryWriter json = new JsonSummaryWriter(project.config().reportsDir(),
        JsonSummaryWriter.jobIdFrom(environment), root);
    LiveLine line = new LiveLine(out(), terminal(), LiveLine.width(environment));
    List<RunListener> listeners = new ArrayList<>(List.of(new RoundtripReporter(line),
        new TerminalReporter(line, true), new RecoveryReporter(line, true), json));
    if (GithubAnnotations.enabled(environment)) {
      listeners.add(new GithubAnnotations(line, GithubAnnotations.root(environment, root)));
    }
    if (markdown != null) {
      listeners.add(new MarkdownWriter(markdown.toAbsolutePath(), false));
    }
    String stepSummary = environment.get(RunCommand.STEP_SUMMARY_VARIABLE);
    if (stepSummary != null && !stepSummary.isBlank()) {
      listeners.add(new MarkdownWriter(Path.of(stepSummary), true));
    }
    String shown = project.readContext().shown(backup);
    RunResult result = project.run(RunId.next(), List.of(DrillScenario.of(shown, shown, objective,
        rto == null ? null : rto.strip())), List.of(on), new RunOptions(keep, false, 1, false),
        RunListener.all(listeners));
    if (json.runSummary() != null) {
      out().println("Summary: " + project.readContext().shown(json.runSummary()));
    }
    if (result.infrastructureError()) {
      return ExitCodes.INFRASTRUCTURE;
    }
    return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** The file (or the newest match of a glob), relative to the working directory; it must exist. */
  private Path backup(Project project) {
    Path cwd = Path.of("").toAbsolutePath();
    Path path;
    try {
      path = RestoreFileStep.globStart(file) < 0 ? cwd.resolve(file).normalize()
          : BackupFileChoice.choose(file, "{database}", cwd);
    } catch (StepFailure | java.nio.file.InvalidPathException | java.util.regex.PatternSyntaxException e) {
      throw new ParameterException(spec.commandLine(), "FILE " + file + ": " + e.getMessage());
    }
    if (!Files.isRegularFile(path)) {
      throw new ParameterException(spec.commandLine(), "FILE " + file + ": " + (Files.exists(path)
          ? "not a regular file" : "no such file") + " — give the backup file to drill on");
    }
    Path root = project.config().projectRoot();
    if (!project.config().allowOutsideProject() && !PathSafety.inside(root, path)) {
      throw new ParameterException(spec.commandLine(), "FILE " + file + " is outside the project root " + root
          + " — copy it into the project, or pass --allow-outside-project (paths.allow_outside_project)");
    }
    return path.toAbsolutePath();
  }

  /** {@code --database}, or the one configured database whose engine reads the file. */
  private Database database(Project project, Path backup) {
    if (database != null) {
      Database named = project.databases(List.of(database)).get(0);
      try {
        named.backups().formatOf(backup);
      } catch (DatabaseException e) {
        throw new ParameterException(spec.commandLine(), "FILE " + file + " cannot be restored into " + database
            + ": " + e.getMessage());
      }
      return named;
    }
    List<Database> readers = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (Database candidate : project.databases()) {
      try {
        candidate.backups().formatOf(backup);
        readers.add(candidate);
      } catch (DatabaseException e) {
        why.add(candidate.name() + ": " + e.getMessage());
      }
    }
    if (readers.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "FILE " + file + " is not a backup any configured database "
          + "can restore:\n  " + String.join("\n  ", why));
    }
    if (readers.stream().map(Database::kind).distinct().count() > 1) {
      throw new ParameterException(spec.commandLine(), "FILE " + file + " can be restored by "
          + String.join(" and ", readers.stream().map(Database::name).toList()) + " — say which with --database");
    }
    return readers.get(0);
  }
}

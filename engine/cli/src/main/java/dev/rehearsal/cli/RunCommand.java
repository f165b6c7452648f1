package dev.rehearsal.cli;

import dev.rehearsal.database.Database;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.report.TerminalReporter;
import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rehearse run}: every scenario on a fresh database, JSON summaries, one line per scenario run. */
@Command(name = "run", description = "Run scenarios, each on a fresh scratch database, and write JSON summaries.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE,
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class RunCommand extends BaseCommand {

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Scenario files or directories. Default: paths.scenarios from rehearsal.yaml.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--database", paramLabel = "NAME",
      description = "Run only on this configured database (repeatable). Default: every configured database.")
  List<String> databases = new ArrayList<>();

  @Option(names = "--keep", description = "Keep each scratch database and print how to open it.")
  boolean keep;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Scenario runs at once, each in its own database. Default: the number of cores.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--no-cache",
      description = "Migrate every scenario run from empty instead of starting from a cached migrated state.")
  boolean noCache;

  @Option(names = "--update-snapshots",
      description = "Write golden schema files (schema: {matches: FILE}) from the current schema instead of comparing.")
  boolean updateSnapshots;

  @Override
  public Integer call() {
    if (jobs < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, found " + jobs);
    }
    Project project = this.project.open();
    List<Database> on = project.databases(databases);
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(paths));
    JsonSummaryWriter json = new JsonSummaryWriter(project.config().reportsDir(),
        JsonSummaryWriter.jobIdFrom(System.getenv()));
    for (Scenario scenario : scenarios) {
      if (!scenario.databases().isEmpty() && on.stream().noneMatch(d -> scenario.databases().contains(d.name()))) {
        out().printf("not run: %s runs on %s only; select it with --database%n", scenario.file(),
            String.join(", ", scenario.databases()));
      }
    }
    RunListener listener = RunListener.all(List.of(new TerminalReporter(out()), json));
    RunResult result = project.run(RunId.next(), scenarios, on, new RunOptions(keep, updateSnapshots, jobs, !noCache), listener);
    if (json.runSummary() != null) {
      out().println("Summary: " + project.readContext().shown(json.runSummary()));
    }
    if (result.scenarios().isEmpty()) {
      err().println("no scenario runs: no scenario names the selected databases " + on.stream()
          .map(Database::name).toList());
      return ExitCodes.INVALID;
    }
    if (result.infrastructureError()) {
      return ExitCodes.INFRASTRUCTURE;
    }
    return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}

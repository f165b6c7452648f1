package dev.rehearsal.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.rehearsal.database.Database;
import dev.rehearsal.junit.Constants;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.report.JunitXmlWriter;
import dev.rehearsal.report.LiveLine;
import dev.rehearsal.report.MarkdownWriter;
import dev.rehearsal.report.TerminalReporter;
import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.text.Shown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.TestPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rehearse run}: every scenario on a fresh database, JSON summaries, one line per scenario run. The
 * scenarios run through the JUnit Platform Launcher and the {@code rehearsal} engine, exactly as under Maven or in
 * an IDE; this command turns its options into the engine's parameters and shows the result.
 */
@Command(name = "run", description = "Run scenarios, each on a fresh scratch database, and write JSON summaries.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE,
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class RunCommand extends BaseCommand {

  /** GitHub Actions' file for a job's Markdown summary; the Markdown summary is appended to it when set. */
  static final String STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";

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

  @Option(names = "--tags", paramLabel = "EXPR",
      description = "Run only scenarios whose tags match this JUnit tag expression, e.g. 'rollback & !slow'.")
  String tags;

  @Option(names = "--name", paramLabel = "REGEX",
      description = "Run only scenarios whose name (scenario:) or file contains a match of REGEX.")
  String name;

  @Option(names = "--shard", paramLabel = "I/N", converter = ShardConverter.class,
      description = "Run only the I-th of N shares of the scenario runs (1-based), to split a run across CI jobs.")
  String shard;

  @Option(names = "--junit-xml", paramLabel = "FILE",
      description = "Also write a JUnit XML report: a test suite per scenario run, a test case per step.")
  Path junitXml;

  @Option(names = "--changed-since", paramLabel = "REF",
      description = "Run only the scenarios that changed since the merge base of REF and HEAD (git), or that name a "
          + "migration, fixture or golden file that changed, e.g. --changed-since origin/main.")
  String changedSince;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also write a Markdown summary; it is appended to $GITHUB_STEP_SUMMARY whenever that is set.")
  Path markdown;

  @Override
  public Integer call() {
    if (jobs < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, found " + jobs);
    }
    Project project = this.project.open();
    List<Database> on = project.databases(databases);
    Filters.check(spec.commandLine(), tags, name);
    JsonSummaryWriter json = new JsonSummaryWriter(project.config().reportsDir(),
        JsonSummaryWriter.jobIdFrom(environment()), project.config().projectRoot());
    List<DiscoverySelector> selectors = selectors(project);
    if (changedSince != null) {
      List<Path> concerned = new ChangedSince(project, paths, on, line()).scenarios(spec.commandLine(), option(),
          changedSince);
      if (concerned.isEmpty()) {
        return emptyRun(project, json);
      }
      selectors = concerned.stream().map(p -> (DiscoverySelector) selectFile(p.toAbsolutePath().toString()))
          .toList();
    }
    EngineLauncher.Result result = new EngineLauncher.Result();
    EngineLauncher launcher = new EngineLauncher(selectors, parameters(project, shard), RunListener.all(
        listeners(json, result)), environment());
    TestPlan plan = launcher.discover();
    List<DiscoveryIssue> errors = launcher.issues().stream()
        .filter(i -> i.severity() == DiscoveryIssue.Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      errors.forEach(e -> err().println(Shown.line(e.message())));
      err().println(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " found; nothing was run.");
      return ExitCodes.INVALID;
    }
    launcher.issues().forEach(i -> out().println(Shown.line(i.message())));
    if (!plan.containsTests()) {
      return nothingToRun(project, on, selectors, json);
    }
    launcher.execute(plan);
    RunResult run = result.get();
    if (run == null || run.interrupted()) {
      // Stopped by Ctrl-C or SIGTERM: the shutdown hook dropped the databases and reports the run.
      return ExitCodes.FAILED;
    }
    if (json.runSummary() != null) {
      out().println("Summary: " + project.readContext().shown(json.runSummary()));
    }
    if (run.infrastructureError()) {
      return ExitCodes.INFRASTRUCTURE;
    }
    return run.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private LiveLine line() {
    return new LiveLine(out(), terminal(), LiveLine.width(environment()));
  }

  private String option() {
    return "--changed-since " + changedSince;
  }

  /**
   * Nothing to run because nothing changed, or the other shards have it all: exit 0, with an empty run summary, so
   * the CI steps that upload and merge summaries find one.
   */
  private int emptyRun(Project project, JsonSummaryWriter json) {
    String runId = RunId.next();
    json.runStarted(runId, List.of());
    json.runFinished(new RunResult(runId, Instant.now(), List.of(), Duration.ZERO));
    out().println("Summary: " + project.readContext().shown(json.runSummary()));
    return ExitCodes.OK;
  }

  private List<RunListener> listeners(JsonSummaryWriter json, EngineLauncher.Result result) {
    List<RunListener> listeners = new ArrayList<>(List.of(new TerminalReporter(line(), terminal()), json));
    if (junitXml != null) {
      listeners.add(new JunitXmlWriter(junitXml.toAbsolutePath()));
    }
    if (markdown != null) {
      listeners.add(new MarkdownWriter(markdown.toAbsolutePath(), false));
    }
    String stepSummary = environment().get(STEP_SUMMARY_VARIABLE);
    if (stepSummary != null && !stepSummary.isBlank()) {
      listeners.add(new MarkdownWriter(Path.of(stepSummary), true));
    }
    listeners.add(result);
    return listeners;
  }

  private List<DiscoverySelector> selectors(Project project) {
    if (paths.isEmpty()) {
      return List.of(selectDirectory(project.scenariosDir().toFile()));
    }
    return paths.stream().map(p -> Files.isDirectory(p) ? selectDirectory(p.toAbsolutePath().toFile())
        : (DiscoverySelector) selectFile(p.toAbsolutePath().toString())).toList();
  }

  /** The engine's parameters: this command's options, and rehearsal.yaml's keys as the project options set them. */
  private Map<String, String> parameters(Project project, String shardOption) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(Constants.PROJECT_DIR, project.config().projectRoot().toString());
    this.project.overrides().forEach((key, value) -> parameters.put(Constants.PREFIX + key, value));
    if (!databases.isEmpty()) {
      parameters.put(Constants.DATABASES, String.join(",", databases));
    }
    put(parameters, Constants.TAGS, tags);
    put(parameters, Constants.NAME, name);
    put(parameters, Constants.SHARD, shardOption);
    parameters.put(Constants.KEEP, String.valueOf(keep));
    parameters.put(Constants.UPDATE_SNAPSHOTS, String.valueOf(updateSnapshots));
    parameters.put(Constants.JOBS, String.valueOf(jobs));
    parameters.put(Constants.CACHE, String.valueOf(!noCache));
    // This command shows the run itself: its own terminal lines and JSON writer, with the "Summary:" line.
    parameters.put(Constants.REPORTS_TERMINAL, "false");
    parameters.put(Constants.REPORTS_JSON, "false");
    return parameters;
  }

  /**
   * Exit code and message when nothing is selected; an empty shard of a non-empty selection is fine, and so is a
   * change that concerns no scenario run here.
   */
  private int nothingToRun(Project project, List<Database> on, List<DiscoverySelector> selectors,
      JsonSummaryWriter json) {
    if (shard != null) {
      EngineLauncher whole = new EngineLauncher(selectors, parameters(project, null),
          new RunListener() {}, environment());
      if (whole.discover().containsTests()) {
        out().println("no scenario runs in shard " + shard + ": the other shards have them all");
        return emptyRun(project, json);
      }
    }
    if (changedSince != null) {
      // What changed concerns no scenario run on these databases (or none with these tags): nothing to do.
      out().println("no scenario runs: none of the scenarios concerned runs on the selected databases "
          + on.stream().map(Database::name).toList() + (tags == null && name == null ? "" : " with these filters"));
      return emptyRun(project, json);
    }
    String filters = (tags == null ? "" : " with tags matching '" + tags + "'")
        + (name == null ? "" : (tags == null ? " with" : " and") + " a name matching '" + name + "'");
    err().println("no scenario runs: no scenario" + filters + " runs on the selected databases "
        + on.stream().map(Database::name).toList());
    return ExitCodes.INVALID;
  }

  private static void put(Map<String, String> parameters, String key, String value) {
    if (value != null) {
      parameters.put(key, value);
    }
  }
}

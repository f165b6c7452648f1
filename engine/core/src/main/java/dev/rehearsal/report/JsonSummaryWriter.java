package dev.rehearsal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.io.AtomicFile;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.ScenarioRun;
import dev.rehearsal.run.Status;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.steps.Check;
import dev.rehearsal.steps.Recovery;
import dev.rehearsal.steps.RestoredBackup;
import dev.rehearsal.steps.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes {@code <scenario>--<database>.json} as each scenario run finishes and
 * {@code rollback-summary-<timestamp>-<run id>.json} at the end of the run. Each file is replaced atomically
 * ({@link AtomicFile}), so CI never reads half a file and two runs in one project never share a temporary file.
 */
public final class JsonSummaryWriter implements RunListener {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final Path directory;
  private final String jobId;
  /** Script paths in the summaries are relative to it; null for file names only. */
  private final Path projectRoot;
  private final ObjectMapper json = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private final List<IOException> failures = new ArrayList<>();
  private Path runSummary;
  private String runId = "";

  /**
   * @param directory where the files go (created when missing)
   * @param jobId the CI job id, or null to use the run id
   */
  public JsonSummaryWriter(Path directory, String jobId) {
    this(directory, jobId, null);
  }

  /** @param projectRoot the paths of migration scripts in round-trip verdicts are relative to it */
  public JsonSummaryWriter(Path directory, String jobId, Path projectRoot) {
    this.directory = directory;
    this.jobId = jobId;
    this.projectRoot = projectRoot == null ? null : projectRoot.toAbsolutePath().normalize();
  }

  /** The CI run id from the environment ({@code GITHUB_RUN_ID}, {@code CI_JOB_ID}), or null outside CI. */
  public static String jobIdFrom(Map<String, String> environment) {
    for (String key : List.of("GITHUB_RUN_ID", "CI_JOB_ID")) {
      String value = environment.get(key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** The summary file of a scenario run. */
  public Path fileOf(ScenarioRun run) {
    return directory.resolve(run.id() + ".json");
  }

  /** The run summary written at the end of the run, or null before. */
  public Path runSummary() {
    return runSummary;
  }

  @Override
  public void scenarioFinished(ScenarioResult result) {
    try {
      write(fileOf(result.run()), scenarioSummary(result, runId, jobId, projectRoot));
    } catch (IOException e) {
      failures.add(e);
    }
  }

  @Override
  public void runFinished(RunResult result) {
    RunSummary summary = runSummary(result, jobId, run -> fileOf(run).getFileName().toString());
    Path file = directory.resolve(runSummaryName(result));
    try {
      write(file, summary);
      runSummary = file;
    } catch (IOException e) {
      failures.add(e);
    }
    if (!failures.isEmpty()) {
      IOException first = failures.get(0);
      throw new UncheckedIOException("cannot write the JSON summaries to " + directory + ": " + first.getMessage(),
          first);
    }
  }

  /**
   * {@code rollback-summary-<UTC start, yyyyMMddTHHmmssZ>-<run id>.json}: sorted by time, and unique per run, so two
   * runs started in the same second in one project never write the same file.
   */
  static String runSummaryName(RunResult result) {
    return "rollback-summary-" + STAMP.format(result.startedAt()) + "-"
        + result.runId().replaceAll("[^A-Za-z0-9_-]", "_") + ".json";
  }

  /** The run summary of {@code result}; {@code summaryFile} names each scenario run's own summary. */
  static RunSummary runSummary(RunResult result, String jobId, Function<ScenarioRun, String> summaryFile) {
    List<RunSummary.Entry> entries = result.scenarios().stream().map(s -> new RunSummary.Entry(
        s.run().scenario().file(), s.run().scenario().name(), s.run().database().name(), s.status().label(),
        s.time().toMillis(), summaryFile.apply(s.run()))).toList();
    return new RunSummary(jobId != null ? jobId : result.runId(), result.runId(),
        result.startedAt().toString(), result.interrupted() ? "interrupted" : result.passed() ? "passed" : "failed",
        result.passed(), result.scenarios().size(),
        new RunSummary.Counts(result.count(Status.PASSED), result.count(Status.FAILED), result.count(Status.ERROR),
            result.count(Status.INTERRUPTED)),
        result.time().toMillis(), result.leftovers(), entries);
  }

  @Override
  public void runStarted(String runId, List<ScenarioRun> plan) {
    this.runId = runId;
  }

  static ScenarioSummary scenarioSummary(ScenarioResult result, String runId, String jobId) {
    return scenarioSummary(result, runId, jobId, null);
  }

  static ScenarioSummary scenarioSummary(ScenarioResult result, String runId, String jobId, Path projectRoot) {
    List<ScenarioSummary.FailedCheck> failed = new ArrayList<>();
    List<ScenarioSummary.StepSummary> steps = new ArrayList<>();
    ScenarioSummary.StepError error = result.error() == null ? null
        : new ScenarioSummary.StepError(0, 0, result.error());
    for (StepResult step : result.steps()) {
      int line = step.step().position().line();
      for (Check check : step.failedChecks()) {
        failed.add(new ScenarioSummary.FailedCheck(step.index(), line, check.name(), check.expected(),
            check.actual(), check.diff()));
      }
      if (step.status() == Status.ERROR && error == null) {
        error = new ScenarioSummary.StepError(step.index(), line, step.error());
      }
      boolean roundtrip = !step.verdicts().isEmpty();
      List<ScenarioSummary.VerdictCount> counts = roundtrip ? RoundtripReporter.counts(step.verdicts()).entrySet()
          .stream().map(e -> new ScenarioSummary.VerdictCount(e.getKey(), e.getValue())).toList() : null;
      steps.add(new ScenarioSummary.StepSummary(step.index(), line, step.step().describe(), step.status().label(),
          step.detail(), step.time().toMillis(), counts,
          roundtrip ? step.verdicts().stream().map(v -> verdict(v, projectRoot)).toList() : null,
          TraceSummary.of(step.trace())));
    }
    ScenarioRun run = result.run();
    return new ScenarioSummary(jobId != null ? jobId : runId, runId, run.scenario().file(), run.scenario().name(),
        run.database().name(), run.database().kind(), result.databaseVersion(), result.status().label(),
        result.status() == Status.PASSED, failed, error, result.time().toMillis(), steps,
        recovery(result.recovery()));
  }

  private static ScenarioSummary.RecoverySummary recovery(Recovery recovery) {
    if (recovery == null) {
      return null;
    }
    RestoredBackup backup = recovery.backup();
    ScenarioSummary.BackupFile file = backup == null ? null : new ScenarioSummary.BackupFile(backup.file(),
        backup.format(), backup.sizeBytes(), backup.sha256(), backup.verification(), backup.version(),
        backup.tables(), backup.rows(), backup.pending(), backup.time().toMillis());
    return new ScenarioSummary.RecoverySummary(file, millis(recovery.restore()), recovery.migrate().toMillis(),
        millis(recovery.rollback()), recovery.total().toMillis(), millis(recovery.objective()),
        recovery.withinObjective(), recovery.exceededIn(), recovery.migrations().stream()
            .map(m -> new ScenarioSummary.MigrationTime(m.id(), m.file(), millis(m.up()), millis(m.down()))).toList());
  }

  private static Long millis(java.time.Duration time) {
    return time == null ? null : time.toMillis();
  }

  private static ScenarioSummary.MigrationVerdict verdict(Verdict verdict, Path projectRoot) {
    Path file = verdict.migration().file().toAbsolutePath().normalize();
    String shown = projectRoot != null && file.startsWith(projectRoot)
        ? projectRoot.relativize(file).toString().replace('\\', '/') : verdict.migration().fileName();
    return new ScenarioSummary.MigrationVerdict(verdict.migration().id().toPlainString(), shown,
        verdict.kind().label(), verdict.text(), verdict.check().passed(), verdict.baseline().label(), verdict.line(),
        verdict.time().toMillis(), verdict.check().diff());
  }

  private void write(Path file, Object value) throws IOException {
    AtomicFile.write(file, out -> json.writeValue(out, value));
  }
}

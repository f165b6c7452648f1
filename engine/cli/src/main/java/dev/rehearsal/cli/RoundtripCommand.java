package dev.rehearsal.cli;

import dev.rehearsal.baseline.Baseline;
import dev.rehearsal.baseline.BaselineFile;
import dev.rehearsal.changes.ChangedFiles;
import dev.rehearsal.changes.ChangesException;
import dev.rehearsal.changes.GitChanges;
import dev.rehearsal.config.Constants;
import dev.rehearsal.database.Database;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.report.BaselineUpdate;
import dev.rehearsal.report.GithubAnnotations;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.report.LiveLine;
import dev.rehearsal.report.RoundtripReporter;
import dev.rehearsal.report.TerminalReporter;
import dev.rehearsal.run.Project;
import dev.rehearsal.run.RoundtripScenario;
import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.Status;
import dev.rehearsal.scenario.RoundtripStep.Range;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code rehearse roundtrip}: every migration, one at a time, goes up, down and up again on a fresh scratch database
 * of each selected database, without a scenario file.
 */
@Command(name = "roundtrip", description = "Apply, roll back and re-apply each migration in turn on a fresh "
    + "database, and check that each rollback gives back the schema and data before it. Needs no scenario file.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every migration passed or is accepted by the "
        + "baseline (--update-baseline: the baseline was written)",
        "1:a migration failed its round-trip", ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class RoundtripCommand extends BaseCommand {

  @Option(names = "--last", paramLabel = "N",
      description = "Only the last N migrations (the ones before them are applied first, without a round-trip).")
  Integer last;

  @Option(names = "--from", paramLabel = "ID", description = "First migration of the range (with --to).")
  String from;

  @Option(names = "--to", paramLabel = "ID", description = "Last migration of the range (with --from).")
  String to;

  @Option(names = "--database", paramLabel = "NAME",
      description = "Round-trip on this configured database (repeatable). Default: the databases run by default.")
  List<String> databases = new ArrayList<>();

  @Option(names = "--keep", description = "Keep each scratch database and print how to open it.")
  boolean keep;

  @Option(names = "--trace", description = "Trace every up and down: each statement's time, and on PostgreSQL its "
      + "locks and rewrites (docs/locks.md).")
  boolean trace;

  @Option(names = "--changed-since", paramLabel = "REF",
      description = "Round-trip only the migrations whose scripts were added or changed since the merge base of REF "
          + "and HEAD (git), applying the others straight, e.g. --changed-since origin/main.")
  String changedSince;

  @Option(names = "--update-baseline",
      description = "Record today's verdicts as accepted in the baseline file (paths.baseline, default "
          + Constants.DEFAULT_BASELINE + ") instead of failing on them.")
  boolean updateBaseline;

  @Override
  public Integer call() {
    Project project = this.project.open();
    List<Database> on = project.databases(databases);
    Range range = range(project, on);
    Path baselineFile = project.config().baselineFile();
    String shown = project.readContext().shown(baselineFile);
    Baseline baseline = Files.isRegularFile(baselineFile) ? BaselineFile.read(baselineFile, shown) : Baseline.NONE;
    if (updateBaseline) {
      baseline = (baseline.inUse() ? baseline : new Baseline(shown, java.util.Map.of())).recording();
    }
    Map<String, String> environment = environment();
    Path root = project.config().projectRoot();
    JsonSummaryWriter json = new JsonSummaryWriter(project.config().reportsDir(),
        JsonSummaryWriter.jobIdFrom(environment), root);
    LiveLine line = new LiveLine(out(), terminal(), LiveLine.width(environment));
    List<RunListener> listeners = new ArrayList<>(List.of(new RoundtripReporter(line),
        new TerminalReporter(line, true), json));
    if (GithubAnnotations.enabled(environment)) {
      listeners.add(new GithubAnnotations(line, GithubAnnotations.root(environment, root)));
    }
    RunResult result = project.run(RunId.next(), List.of(RoundtripScenario.of(range, trace)), on,
        new RunOptions(keep, false, 1, true, baseline), RunListener.all(listeners));
    if (json.runSummary() != null) {
      out().println("Summary: " + project.readContext().shown(json.runSummary()));
    }
    Set<String> files = new TreeSet<>(project.repository().migrations().stream().map(Migration::fileName).toList());
    if (result.infrastructureError()) {
      return ExitCodes.INFRASTRUCTURE;
    }
    if (updateBaseline) {
      return writeBaseline(baseline, result, files, baselineFile, shown);
    }
    baseline.stale(on.stream().map(Database::name).toList(), files).forEach(line::println);
    return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** Writes the recorded verdicts, unless a scenario run broke (then nothing is recorded). */
  private int writeBaseline(Baseline recorded, RunResult result, Set<String> files, Path file, String shown) {
    if (result.interrupted() || result.scenarios().stream().anyMatch(s -> s.status() == Status.ERROR)) {
      err().println("error: the round-trip did not finish on every database, so " + shown + " was not written — "
          + "fix what the lines above say and run again");
      return ExitCodes.FAILED;
    }
    BaselineUpdate update = BaselineUpdate.of(recorded, result, files, shown);
    BaselineFile.write(file, update.baseline());
    out().println("Baseline " + shown + " written: " + update.describe());
    return ExitCodes.OK;
  }

  /** The migrations asked for; wrong combinations and counts are usage errors (exit code 2). */
  private Range range(Project project, List<Database> on) {
    if (changedSince != null) {
      if (last != null || from != null || to != null) {
        throw new ParameterException(spec.commandLine(), "--changed-since cannot be combined with --last or "
            + "--from/--to — give one of them");
      }
      ChangedFiles changes;
      try {
        changes = GitChanges.since(project.config().projectRoot(), changedSince);
      } catch (ChangesException e) {
        throw new ParameterException(spec.commandLine(), "--changed-since " + changedSince + ": " + e.getMessage());
      }
      SortedSet<BigDecimal> ids = new TreeSet<>();
      on.forEach(database -> ids.addAll(changes.migrations(project.repository(database))));
      new LiveLine(out(), false, LiveLine.DEFAULT_WIDTH).println("Changed " + changes.describe() + ": " + ids.size()
          + (ids.size() == 1 ? " migration" : " migrations"));
      return new Range.Changed(ids, "since " + changes.ref());
    }
    if (last != null && (from != null || to != null)) {
      throw new ParameterException(spec.commandLine(), "--last cannot be combined with --from and --to — give one "
          + "or the other");
    }
    if ((from == null) != (to == null)) {
      throw new ParameterException(spec.commandLine(), "--from and --to go together — give both, or --last N, or "
          + "neither to round-trip every migration");
    }
    if (last != null) {
      int total = project.repository().migrations().size();
      if (last < 1 || last > total) {
        throw new ParameterException(spec.commandLine(), "--last " + last + " is not between 1 and " + total
            + ", the number of migrations — leave it out to round-trip every migration");
      }
      return new Range.Last(last);
    }
    if (from == null) {
      return new Range.All();
    }
    BigDecimal start = id(project, from, "--from");
    BigDecimal end = id(project, to, "--to");
    if (start.compareTo(end) > 0) {
      throw new ParameterException(spec.commandLine(), "--from " + from + " comes after --to " + to
          + " — --from names the oldest migration of the range");
    }
    return new Range.Between(start, end);
  }

  private BigDecimal id(Project project, String text, String option) {
    String value = text.strip();
    if (value.matches("[0-9]+") && project.repository().ids().contains(new BigDecimal(value))) {
      return new BigDecimal(value);
    }
    throw new ParameterException(spec.commandLine(), option + " " + text + " is not a migration id of the "
        + "repository — 'rehearse list' shows them");
  }
}

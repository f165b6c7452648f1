package dev.rehearsal.cli;

import dev.rehearsal.database.Database;
import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.report.RoundtripReporter;
import dev.rehearsal.report.TerminalReporter;
import dev.rehearsal.run.Project;
import dev.rehearsal.run.RoundtripScenario;
import dev.rehearsal.run.RunId;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.scenario.RoundtripStep.Range;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code rehearse roundtrip}: every migration, one at a time, goes up, down and up again on a fresh scratch database
 * of each selected database, without a scenario file.
 */
@Command(name = "roundtrip", description = "Apply, roll back and re-apply each migration in turn on a fresh "
    + "database, and check that each rollback gives back the schema and data before it. Needs no scenario file.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every migration passed",
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

  @Override
  public Integer call() {
    Project project = this.project.open();
    List<Database> on = project.databases(databases);
    Range range = range(project);
    JsonSummaryWriter json = new JsonSummaryWriter(project.config().reportsDir(),
        JsonSummaryWriter.jobIdFrom(System.getenv()));
    RunListener listener = RunListener.all(List.of(new RoundtripReporter(out()), new TerminalReporter(out()), json));
    RunResult result = project.run(RunId.next(), List.of(RoundtripScenario.of(range)), on,
        new RunOptions(keep, false), listener);
    if (json.runSummary() != null) {
      out().println("Summary: " + project.readContext().shown(json.runSummary()));
    }
    if (result.infrastructureError()) {
      return ExitCodes.INFRASTRUCTURE;
    }
    return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** The migrations asked for; wrong combinations and counts are usage errors (exit code 2). */
  private Range range(Project project) {
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

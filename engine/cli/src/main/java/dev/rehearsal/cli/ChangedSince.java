package dev.rehearsal.cli;

import dev.rehearsal.changes.ChangedFiles;
import dev.rehearsal.changes.ChangedScenarios;
import dev.rehearsal.changes.ChangesException;
import dev.rehearsal.changes.GitChanges;
import dev.rehearsal.database.Database;
import dev.rehearsal.migrations.Migration;
import dev.rehearsal.report.LiveLine;
import dev.rehearsal.run.Project;
import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.scenario.ScenarioReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import picocli.CommandLine.ParameterException;

/**
 * The scenario files {@code rehearse run --changed-since REF} runs: those a change since the merge base of REF and
 * HEAD concerns ({@link ChangedScenarios}), each printed with the reason. A file that cannot be read is run anyway,
 * so that its problem is reported rather than skipped.
 */
final class ChangedSince {

  private final Project project;
  private final List<Path> paths;
  private final List<Database> on;
  private final LiveLine line;

  ChangedSince(Project project, List<Path> paths, List<Database> on, LiveLine line) {
    this.project = project;
    this.paths = paths;
    this.on = on;
    this.line = line;
  }

  /**
   * @throws ParameterException (exit code 2) when git cannot say what changed
   */
  List<Path> scenarios(picocli.CommandLine command, String option, String ref) {
    ChangedFiles changes;
    try {
      changes = GitChanges.since(project.config().projectRoot(), ref);
    } catch (ChangesException e) {
      throw new ParameterException(command, option + ": " + e.getMessage());
    }
    SortedSet<BigDecimal> migrations = new TreeSet<>();
    on.forEach(database -> migrations.addAll(changes.migrations(project.repository(database))));
    List<BigDecimal> ids = project.repository().migrations().stream().map(Migration::id).toList();
    ChangedScenarios concerns = new ChangedScenarios(changes, migrations, ids, project.config().projectRoot(),
        project.config().databaseNames());
    ScenarioReader reader = new ScenarioReader(project.readContext());
    List<Path> files = project.scenarioFiles(paths);
    List<Path> selected = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Path file : files) {
      String reason;
      try {
        reason = concerns.reason(file, reader.read(file));
      } catch (InvalidInputException e) {
        reason = "cannot be read (the run shows why)";
      }
      if (reason != null) {
        selected.add(file);
        reasons.add("  " + project.readContext().shown(file) + ": " + reason);
      }
    }
    line.println(selected.size() + " of " + files.size() + " scenario files concerned by changes "
        + changes.describe() + (migrations.isEmpty() ? "" : " (" + migrations.size() + " changed "
        + (migrations.size() == 1 ? "migration" : "migrations") + ")") + (selected.isEmpty() ? "" : ":"));
    reasons.forEach(line::println);
    return selected;
  }
}

package dev.rehearsal.cli;

import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.migrations.ScriptChecks;
import dev.rehearsal.migrations.ScriptFinding;
import dev.rehearsal.run.Project;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.text.Shown;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rehearse validate}: reads every scenario and reports every problem, then checks the migration scripts for
 * what MyBatis would run differently from how they read; touches no database.
 */
@Command(name = "validate", description = "Check scenario files (keys, types, migration ids, fixtures) and the "
    + "migration scripts (undo sections, statements MyBatis would cut or drop) without running them.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every file is valid and no script has a finding",
        "1:a migration script has findings (file:line messages on stdout)", ExitCodes.INVALID_LINE})
final class ValidateCommand extends BaseCommand {

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Scenario files or directories. Default: paths.scenarios from rehearsal.yaml.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    Project project = this.project.open();
    // The environment of every database a plain 'run' would use must be there (the others are opened when selected).
    project.databases(List.of()).forEach(project::repository);
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(paths));
    for (Scenario scenario : scenarios) {
      out().printf("ok  %s  (%d steps)%n", Shown.line(scenario.file()), scenario.steps().size());
    }
    out().printf("%d scenario %s valid%n", scenarios.size(), scenarios.size() == 1 ? "file" : "files");
    return checkScripts(project);
  }

  /** The findings of every environment, each printed once; one found in some environments only says which. */
  private int checkScripts(Project project) {
    List<MigrationRepository> repositories = project.repositoriesByEnvironment();
    Map<String, List<String>> environmentsOf = new LinkedHashMap<>();
    List<ScriptFinding> findings = new ArrayList<>();
    for (MigrationRepository repository : repositories) {
      for (ScriptFinding finding : ScriptChecks.check(repository)) {
        String text = finding.render(project.readContext().shown(finding.migration().file()));
        if (!environmentsOf.containsKey(text)) {
          findings.add(finding);
        }
        environmentsOf.computeIfAbsent(text, t -> new ArrayList<>()).add(repository.environment());
      }
    }
    findings.sort(java.util.Comparator.comparing((ScriptFinding f) -> f.migration().id())
        .thenComparingInt(ScriptFinding::line));
    for (ScriptFinding finding : findings) {
      String text = finding.render(project.readContext().shown(finding.migration().file()));
      List<String> environments = environmentsOf.get(text);
      // A finding names a script file and what its SQL says: both input, shown escaped on one line.
      out().println(Shown.line(text + (environments.size() == repositories.size() ? ""
          : " (environment " + String.join(", ", environments) + ")")));
    }
    int scripts = repositories.isEmpty() ? 0 : repositories.get(0).migrations().size();
    String names = String.join(", ", repositories.stream().map(MigrationRepository::environment).toList());
    out().printf("%s in %d migration %s (%s %s)%n", findings.isEmpty() ? "no findings"
        : findings.size() + (findings.size() == 1 ? " finding" : " findings"), scripts,
        scripts == 1 ? "script" : "scripts", repositories.size() == 1 ? "environment" : "environments", names);
    return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}

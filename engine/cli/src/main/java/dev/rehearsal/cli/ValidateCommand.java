package dev.rehearsal.cli;

import dev.rehearsal.run.Project;
import dev.rehearsal.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rehearse validate}: reads every scenario and reports every problem, without touching a database. */
@Command(name = "validate", description = "Check scenario files (keys, types, migration ids, fixtures) without "
    + "running them.", exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is valid", ExitCodes.INVALID_LINE})
final class ValidateCommand extends BaseCommand {

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Scenario files or directories. Default: paths.scenarios from rehearsal.yaml.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    Project project = this.project.open();
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(paths));
    for (Scenario scenario : scenarios) {
      out().printf("ok  %s  (%d steps)%n", scenario.file(), scenario.steps().size());
    }
    out().printf("%d scenario %s valid%n", scenarios.size(), scenarios.size() == 1 ? "file" : "files");
    return ExitCodes.OK;
  }
}

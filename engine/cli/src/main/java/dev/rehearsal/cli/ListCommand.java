package dev.rehearsal.cli;

import dev.rehearsal.migrations.Migration;
import dev.rehearsal.migrations.MigrationRepository;
import dev.rehearsal.run.Project;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.text.Shown;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code rehearse list}: the migrations of the repository and the scenarios with their databases and tags. */
@Command(name = "list", description = "List the migrations and the scenarios of the project.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed", ExitCodes.INVALID_LINE})
final class ListCommand extends BaseCommand {

  @Override
  public Integer call() {
    Project project = this.project.open();
    MigrationRepository repository = project.repository();
    out().printf("Migrations (%d) in %s:%n", repository.migrations().size(),
        project.readContext().shown(repository.root()));
    for (Migration migration : repository.migrations()) {
      out().printf("  %s  %s%n", migration.id().toPlainString(), Shown.line(migration.description()));
    }
    List<Scenario> scenarios = project.readScenarios(project.scenarioFiles(List.of()));
    out().printf("Scenarios (%d):%n", scenarios.size());
    for (Scenario scenario : scenarios) {
      String databases = scenario.databases().isEmpty() ? String.join(",", project.config().defaultDatabaseNames())
          : String.join(",", scenario.databases());
      String tags = scenario.tags().isEmpty() ? "" : "  [" + String.join(", ", scenario.tags()) + "]";
      out().printf("  %s  (%s)%s%n    %s%n", Shown.line(scenario.file()), databases, Shown.line(tags),
          Shown.line(scenario.name()));
    }
    return ExitCodes.OK;
  }
}

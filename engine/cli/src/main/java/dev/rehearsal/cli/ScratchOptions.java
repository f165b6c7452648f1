package dev.rehearsal.cli;

import dev.rehearsal.config.Constants;
import java.util.Map;
import picocli.CommandLine.Option;

/** The project options of the commands that read scenarios and run them in scratch databases. */
final class ScratchOptions extends ProjectOptions {

  @Option(names = "--scenarios", paramLabel = "DIR", description = "Scenario directory (paths.scenarios).")
  String scenarios;

  @Option(names = "--fixtures", paramLabel = "DIR", description = "Fixture directory (paths.fixtures).")
  String fixtures;

  @Option(names = "--reports", paramLabel = "DIR", description = "Where JSON summaries go (paths.reports).")
  String reports;

  @Option(names = "--postgres-url", paramLabel = "JDBC-URL",
      description = "PostgreSQL server to create scratch databases on (databases.postgres.url; also "
          + "REHEARSAL_POSTGRES_URL). Default: " + Constants.DEFAULT_POSTGRES_URL)
  String postgresUrl;

  @Override
  String postgresUrl() {
    return postgresUrl;
  }

  @Override
  void putPaths(Map<String, String> overrides) {
    put(overrides, Constants.SCENARIOS, absolute(scenarios));
    put(overrides, Constants.FIXTURES, absolute(fixtures));
    put(overrides, Constants.REPORTS, absolute(reports));
  }
}

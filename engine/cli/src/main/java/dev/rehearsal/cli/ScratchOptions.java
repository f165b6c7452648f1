package dev.rehearsal.cli;

import dev.rehearsal.config.Constants;
import java.util.Map;
import picocli.CommandLine.Option;

/** The project options of the commands that read scenarios, run them in scratch databases and report on them. */
final class ScratchOptions extends ServerOptions {

  @Option(names = "--scenarios", paramLabel = "DIR", description = "Scenario directory (paths.scenarios).")
  String scenarios;

  @Option(names = "--fixtures", paramLabel = "DIR", description = "Fixture directory (paths.fixtures).")
  String fixtures;

  @Option(names = "--reports", paramLabel = "DIR", description = "Where JSON summaries go (paths.reports).")
  String reports;

  @Override
  void putPaths(Map<String, String> overrides) {
    put(overrides, Constants.SCENARIOS, absolute(scenarios));
    put(overrides, Constants.FIXTURES, absolute(fixtures));
    put(overrides, Constants.REPORTS, absolute(reports));
  }
}

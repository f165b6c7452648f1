package dev.rehearsal.junit;

import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The test project in {@code src/test/resources/project} (two migrations, one fixture, scenarios that pass, fail
 * and break, and invalid files in {@code broken/}), and an engine test kit pointed at it.
 */
final class Fixture {

  static final Path PROJECT = Path.of("src/test/resources/project").toAbsolutePath().normalize();

  private Fixture() {}

  static Path file(String relative) {
    return PROJECT.resolve(relative);
  }

  /** The engine on the test project, reports in {@code reports}, no terminal lines, plus {@code parameters}. */
  static EngineTestKit.Builder engine(Path reports, Map<String, String> parameters) {
    return EngineTestKit.engine(new RehearsalTestEngine())
        .configurationParameter(Constants.PROJECT_DIR, PROJECT.toString())
        .configurationParameter(Constants.PREFIX + "paths.reports", reports.toString())
        .configurationParameter(Constants.REPORTS_TERMINAL, "false")
        .configurationParameters(parameters);
  }
}

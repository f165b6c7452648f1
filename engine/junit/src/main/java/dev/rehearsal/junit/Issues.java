package dev.rehearsal.junit;

import dev.rehearsal.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** Problems of scenario files and of the configuration, as discovery issues that IDEs link to the file. */
final class Issues {

  private Issues() {}

  /**
   * An error whose message is the problem as the command prints it ({@code file:line:col: what — what to do}) and
   * whose source is that place, when the file exists.
   */
  static DiscoveryIssue error(Problem problem, Path projectRoot) {
    DiscoveryIssue.Builder issue = DiscoveryIssue.builder(Severity.ERROR, problem.toString());
    Path file = projectRoot.resolve(problem.position().file()).normalize();
    if (Files.isRegularFile(file)) {
      issue.source(FileSource.from(file.toFile(),
          FilePosition.from(problem.position().line(), problem.position().column())));
    }
    return issue.build();
  }

  static DiscoveryIssue error(String message) {
    return DiscoveryIssue.create(Severity.ERROR, message);
  }

  static DiscoveryIssue info(String message, Path file) {
    return DiscoveryIssue.builder(Severity.INFO, message).source(FileSource.from(file.toFile())).build();
  }
}

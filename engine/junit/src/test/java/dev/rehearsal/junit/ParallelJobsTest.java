package dev.rehearsal.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** {@code rehearsal.jobs} is how many scenario runs go at once, also while runs wait for the same cached state. */
class ParallelJobsTest {

  @TempDir
  Path temp;

  @Test
  void runsWaitingForTheSameCachedStateDoNotAddRunsBeyondTheJobs() throws IOException {
    Path project = copy(Fixture.PROJECT, temp.resolve("project"));
    Path scenarios = Files.createDirectories(project.resolve("scenarios/many"));
    for (int i = 1; i <= 6; i++) {
      Files.writeString(scenarios.resolve("empty-" + i + ".yaml"), """
          scenario: The books table starts empty (%d)
          steps:
            - apply: head
            - expect:
                rows: {books: 0}
          """.formatted(i));
    }
    EngineExecutionResults results = Fixture.engine(temp.resolve("reports"), Map.of(Constants.JOBS, "2"))
        .configurationParameter(Constants.PROJECT_DIR, project.toString())
        .selectors(selectDirectory(scenarios.toFile())).execute();

    assertEquals(6, results.containerEvents().succeeded().list().stream().filter(ParallelJobsTest::isRun).count());
    assertTrue(mostAtOnce(results) <= 2, "scenario runs at once: " + mostAtOnce(results));
  }

  /** The largest number of scenario runs started and not yet finished, from the events in the order they came. */
  private static int mostAtOnce(EngineExecutionResults results) {
    int running = 0;
    int most = 0;
    for (Event event : results.containerEvents().list()) {
      if (isRun(event) && event.getType() == EventType.STARTED) {
        most = Math.max(most, ++running);
      } else if (isRun(event) && event.getType() == EventType.FINISHED) {
        running--;
      }
    }
    return most;
  }

  private static boolean isRun(Event event) {
    List<UniqueId.Segment> segments = event.getTestDescriptor().getUniqueId().getSegments();
    return segments.get(segments.size() - 1).getType().equals(ScenarioRunDescriptor.SEGMENT);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }
}

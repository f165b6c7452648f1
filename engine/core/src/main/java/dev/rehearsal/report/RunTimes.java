package dev.rehearsal.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The times of scenario runs in an earlier run summary, for dealing shards by time. Only a summary that lists every
 * run asked about counts: a shard's own summary lists only its share, and a deal made from it by one shard and from
 * the whole run by another would lose or double runs.
 */
public final class RunTimes {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private RunTimes() {}

  /** The key of a scenario run in the map {@link #newest} returns. */
  public static String key(String scenarioFile, String database) {
    return scenarioFile + " [" + database + "]";
  }

  /**
   * The times in milliseconds, by {@link #key}, from the newest {@code rollback-summary-*.json} in
   * {@code directory} that lists every one of {@code runs} (keys); empty when there is none (or no directory).
   */
  public static Map<String, Long> newest(Path directory, Set<String> runs) {
    if (!Files.isDirectory(directory)) {
      return Map.of();
    }
    List<Path> summaries;
    try (Stream<Path> files = Files.list(directory)) {
      // The file names hold the start time (yyyyMMddTHHmmssZ), so the newest sorts last.
      summaries = files.filter(f -> f.getFileName().toString().matches("rollback-summary-.*\\.json"))
          .sorted(java.util.Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      return Map.of();
    }
    for (Path file : summaries) {
      Map<String, Long> times = read(file);
      if (!times.isEmpty() && times.keySet().containsAll(runs)) {
        return times;
      }
    }
    return Map.of();
  }

  private static Map<String, Long> read(Path file) {
    try {
      RunSummary summary = JSON.readValue(file.toFile(), RunSummary.class);
      Map<String, Long> times = new HashMap<>();
      if (summary.scenarios() != null) {
        summary.scenarios().stream().filter(e -> e.scenario() != null && e.database() != null)
            .forEach(e -> times.put(key(e.scenario(), e.database()), e.timeMs()));
      }
      return times;
    } catch (IOException | RuntimeException e) {
      // A file that is not a run summary (half-written by a killed run, say) only means no times.
      return Map.of();
    }
  }
}

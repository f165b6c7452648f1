package dev.rehearsal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code results.json}: the {@link Results} with snake_case keys, plus every run of every case under
 * {@code runs}, so that a median can be checked against what it came from.
 */
final class ResultsJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsJson() {}

  static void write(Results results, Samples samples, Path file) {
    ObjectNode root = JSON.valueToTree(results);
    ArrayNode runs = root.putArray("runs");
    for (Map.Entry<Samples.Case, List<Child.Sample>> entry : samples.all().entrySet()) {
      Samples.Case measured = entry.getKey();
      ObjectNode run = runs.addObject();
      run.put("database", measured.database());
      run.put("measure", measured.measure().key());
      run.put("migrations", measured.migrations());
      if (measured.scenarios() > 0) {
        run.put("scenarios", measured.scenarios());
      }
      ArrayNode millis = run.putArray("ms");
      ArrayNode rss = run.putArray("peak_rss_kb");
      for (Child.Sample sample : entry.getValue()) {
        millis.add(Math.round(sample.millis()));
        if (sample.peakRssKb() == null) {
          rss.addNull();
        } else {
          rss.add(sample.peakRssKb());
        }
      }
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}

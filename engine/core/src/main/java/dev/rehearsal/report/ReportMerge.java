package dev.rehearsal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.io.AtomicFile;
import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.scenario.Problem;
import dev.rehearsal.scenario.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the run summaries of several runs, typically the shards of one CI run, into one run summary, and
 * renders it as Markdown. The inputs must not share a scenario run: shards of the same selection never do.
 */
public final class ReportMerge {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportMerge() {}

  /**
   * The merged run.
   *
   * @param file where the merged run summary was written
   * @param markdown the merged Markdown summary, with the failed checks of every input
   */
  public record Merged(Path file, String markdown, boolean passed, int total, long passedCount, long failedCount,
      long errorCount) {}

  /**
   * Merges {@code runSummaries} into {@code output}. Its {@code scenarios} are ordered by scenario file, each
   * entry's {@code summary} is the path of its scenario summary relative to {@code output}'s directory, its
   * {@code time_ms} is the longest input's (shards run side by side), and its {@code started_at} the earliest.
   *
   * @throws InvalidInputException when an input is missing, is not a run summary, or repeats a scenario run
   */
  public static Merged merge(List<Path> runSummaries, Path output) {
    Path target = output.toAbsolutePath().normalize();
    List<Problem> problems = new ArrayList<>();
    List<RunSummary.Entry> entries = new ArrayList<>();
    Map<String, ScenarioSummary> details = new HashMap<>();
    Map<String, Path> seen = new HashMap<>();
    List<RunSummary> inputs = new ArrayList<>();
    for (Path path : runSummaries) {
      RunSummary input = read(path, problems);
      if (input == null) {
        continue;
      }
      inputs.add(input);
      Path directory = path.toAbsolutePath().normalize().getParent();
      for (RunSummary.Entry entry : input.scenarios()) {
        Path earlier = seen.putIfAbsent(entry.scenario() + " [" + entry.database() + "]", path);
        if (earlier != null) {
          problems.add(new Problem(SourcePosition.startOf(path.toString()), entry.scenario() + " on "
              + entry.database() + " is in " + earlier + " too — merge the summaries of disjoint shards"));
          continue;
        }
        Path summary = directory.resolve(entry.summary());
        String relative = target.getParent().relativize(summary).toString().replace('\\', '/');
        entries.add(new RunSummary.Entry(entry.scenario(), entry.name(), entry.database(), entry.status(),
            entry.timeMs(), relative));
        if (!entry.status().equals("passed") && Files.isRegularFile(summary)) {
          // Another run in the same directory may have replaced it since: then it is not this run's.
          ScenarioSummary detail = readScenario(summary);
          if (input.runId().equals(detail.runId())) {
            details.put(relative, detail);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    entries.sort(Comparator.comparing(RunSummary.Entry::scenario));
    RunSummary merged = merged(inputs, entries);
    write(target, merged);
    return new Merged(target, MarkdownReport.render(merged, details), merged.passed(), merged.total(),
        merged.counts().passed(), merged.counts().failed(), merged.counts().error());
  }

  private static RunSummary merged(List<RunSummary> inputs, List<RunSummary.Entry> entries) {
    long passed = entries.stream().filter(e -> e.status().equals("passed")).count();
    long failed = entries.stream().filter(e -> e.status().equals("failed")).count();
    long interrupted = entries.stream().filter(e -> e.status().equals("interrupted")).count();
    long error = entries.size() - passed - failed - interrupted;
    boolean allPassed = passed == entries.size();
    String jobId = inputs.stream().map(RunSummary::jobId).distinct().reduce((a, b) -> a + "+" + b).orElse("");
    String runId = inputs.stream().map(RunSummary::runId).reduce((a, b) -> a + "+" + b).orElse("");
    String startedAt = inputs.stream().map(RunSummary::startedAt).min(Comparator.naturalOrder()).orElse("");
    long time = inputs.stream().mapToLong(RunSummary::timeMs).max().orElse(0);
    return new RunSummary(jobId, runId, startedAt, allPassed ? "passed" : "failed", allPassed, entries.size(),
        new RunSummary.Counts(passed, failed, error, interrupted), time,
        inputs.stream().flatMap(input -> input.leftovers().stream()).toList(), entries);
  }

  private static RunSummary read(Path path, List<Problem> problems) {
    SourcePosition at = SourcePosition.startOf(path.toString());
    if (!Files.isRegularFile(path)) {
      problems.add(new Problem(at, "no such file — give the rollback-summary-*.json files of the runs to merge"));
      return null;
    }
    try {
      RunSummary summary = JSON.readValue(path.toFile(), RunSummary.class);
      if (summary.runId() == null || summary.counts() == null || summary.scenarios() == null
          || summary.scenarios().stream().anyMatch(e -> e.scenario() == null || e.database() == null
              || e.status() == null || e.summary() == null)) {
        problems.add(new Problem(at, "not a run summary (it lacks run_id, counts or scenarios) — give the "
            + "rollback-summary-*.json files, not the summaries of single scenario runs"));
        return null;
      }
      return summary;
    } catch (JsonProcessingException e) {
      problems.add(new Problem(at, "not a run summary: " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(at, "cannot read it: " + e.getMessage()));
      return null;
    }
  }

  private static ScenarioSummary readScenario(Path path) {
    try {
      return JSON.readValue(path.toFile(), ScenarioSummary.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scenario summary " + path + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, RunSummary summary) {
    try {
      AtomicFile.write(file, out -> JSON.writeValue(out, summary));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the merged summary " + file + ": " + e.getMessage(), e);
    }
  }
}

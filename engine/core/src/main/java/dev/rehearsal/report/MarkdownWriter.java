package dev.rehearsal.report;

import dev.rehearsal.io.AtomicFile;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the Markdown summary of a run at its end: to a file of its own, or appended to one that collects
 * summaries, as GitHub Actions' {@code $GITHUB_STEP_SUMMARY} does.
 */
public final class MarkdownWriter implements RunListener {

  private final Path file;
  private final boolean append;

  /** @param append add to the end of {@code file} instead of replacing it */
  public MarkdownWriter(Path file, boolean append) {
    this.file = file;
    this.append = append;
  }

  @Override
  public void runFinished(RunResult result) {
    Map<String, ScenarioSummary> details = new LinkedHashMap<>();
    for (ScenarioResult scenario : result.scenarios()) {
      details.put(scenario.run().id(), JsonSummaryWriter.scenarioSummary(scenario, result.runId(), null));
    }
    String markdown = MarkdownReport.render(JsonSummaryWriter.runSummary(result, null, r -> r.id()), details);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      if (append) {
        Files.writeString(file, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } else {
        AtomicFile.writeString(file, markdown);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Markdown summary " + file + ": " + e.getMessage(), e);
    }
  }
}

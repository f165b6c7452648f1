package dev.rehearsal.cli;

import dev.rehearsal.io.AtomicFile;
import dev.rehearsal.report.ReportMerge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rehearse report merge}: one run summary and one Markdown summary from the run summaries of several runs,
 * such as the shards of a CI run. The Markdown goes to standard output (and {@code --markdown},
 * {@code $GITHUB_STEP_SUMMARY}); the exit code says whether every merged scenario run passed.
 */
@Command(name = "merge", description = "Merge run summaries (rollback-summary-*.json) into one and print its "
    + "Markdown summary.", exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:every merged scenario run passed", ExitCodes.FAILED_LINE, ExitCodes.INVALID_LINE,
        "3:the merged files could not be written"})
final class MergeCommand extends BaseCommand {

  @Parameters(paramLabel = "SUMMARY", arity = "1..*", description = "Run summaries to merge.")
  List<Path> summaries = new ArrayList<>();

  @Option(names = "--output", paramLabel = "FILE",
      description = "Where the merged run summary goes. Default: merged-summary.json in paths.reports.")
  Path output;

  @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the Markdown summary to FILE.")
  Path markdown;

  @Override
  public Integer call() {
    Path target = output != null ? output : project.open().config().reportsDir().resolve("merged-summary.json");
    ReportMerge.Merged merged = ReportMerge.merge(summaries, target);
    out().print(merged.markdown());
    out().flush();
    if (markdown != null) {
      write(markdown, merged.markdown(), false);
    }
    String stepSummary = environment().get(RunCommand.STEP_SUMMARY_VARIABLE);
    if (stepSummary != null && !stepSummary.isBlank()) {
      write(Path.of(stepSummary), merged.markdown() + "\n", true);
    }
    err().printf("Merged %d run %s (%d scenario %s: %d passed, %d failed, %d error) into %s%n", summaries.size(),
        summaries.size() == 1 ? "summary" : "summaries", merged.total(), merged.total() == 1 ? "run" : "runs",
        merged.passedCount(), merged.failedCount(), merged.errorCount(), merged.file());
    return merged.passed() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static void write(Path file, String text, boolean append) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      if (append) {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } else {
        AtomicFile.writeString(file, text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

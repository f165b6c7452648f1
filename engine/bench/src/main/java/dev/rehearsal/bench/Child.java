package dev.rehearsal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measured process: wall time from start to exit, and its peak resident set size as {@code /usr/bin/time}
 * reports it (the maximum over the process and the children it waited for; {@code rehearse} execs its JVM, so that
 * is the JVM's). Output goes to a log file, which an error message points at.
 */
final class Child {

  static final Path TIME = Path.of("/usr/bin/time");
  private static final long TIMEOUT_MINUTES = 60;

  private Child() {}

  /** What one run of a process took. {@code peakRssKb} is null where {@code /usr/bin/time} is missing. */
  record Sample(double millis, Long peakRssKb) {}

  /**
   * Runs {@code command} in {@code workDir}, appending its output to {@code log}.
   *
   * @throws BenchException when it cannot start, exits with another code than 0, or runs over an hour
   */
  static Sample run(List<String> command, Path workDir, Path log, String what) {
    Path rss = log.resolveSibling(log.getFileName() + ".rss");
    List<String> full = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      full.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      Files.writeString(log, "$ " + String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      long t0 = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new BenchException(what + " ran for more than " + TIMEOUT_MINUTES + " minutes and was stopped; its "
            + "output is in " + log);
      }
      double millis = (System.nanoTime() - t0) / 1e6;
      if (process.exitValue() != 0) {
        throw new BenchException(what + " failed (exit code " + process.exitValue() + ")" + tail(log)
            + "\nthe whole output is in " + log);
      }
      return new Sample(millis, timed ? peakRss(rss) : null);
    } catch (IOException e) {
      throw new BenchException("cannot run " + what + " (" + command.get(0) + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while " + what + " was running", e);
    }
  }

  private static Long peakRss(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    return last.matches("[0-9]+") ? Long.valueOf(last) : null;
  }

  /** The last lines of the log, for the error message. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}

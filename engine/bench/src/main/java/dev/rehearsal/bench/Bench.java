package dev.rehearsal.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's entry point ({@code bench/run}): parses the options, measures, prints the tables and writes the
 * results file. Exit codes: 0 measured (whether or not every target is met; the table says), 2 wrong options,
 * 3 a measurement could not be made.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("rehearsal.home", ".")).toAbsolutePath().normalize();
    System.exit(run(List.of(args), home, System.out, System.err));
  }

  /** Runs the benchmark and returns its exit code. */
  static int run(List<String> args, Path home, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(BenchOptions.USAGE);
      return 0;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, home, System.getenv());
    } catch (BenchOptions.UsageException e) {
      err.println("bench: " + e.getMessage() + "\nTry 'bench/run --help'.");
      return 2;
    }
    Path work = Benchmark.workDirectory(options);
    try {
      String loadBefore = MachineInfo.load();
      out.printf("Measuring N = %s, M = %s on %s; work directory %s%n", options.migrations(), options.scenarios(),
          String.join(", ", options.databases()), work);
      Samples samples = new Benchmark(options, out).run(work);
      Results results = Report.of(options, samples, MachineInfo.describe(options.databases(),
          options.postgresUrl(), loadBefore));
      ResultsTable.print(results, out);
      ResultsJson.write(results, samples, options.out());
      out.println("\nResults: " + options.out());
      return 0;
    } catch (BenchException | java.io.UncheckedIOException e) {
      err.println("bench: " + e.getMessage());
      return 3;
    } finally {
      if (!options.keepWork() && options.work() == null) {
        delete(work);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("bench: could not remove the work directory " + dir + ": " + e.getMessage());
    }
  }
}

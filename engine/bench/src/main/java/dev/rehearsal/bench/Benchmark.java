package dev.rehearsal.bench;

import dev.rehearsal.bench.BaselineDatabases.Use;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every measurement of the benchmark: repetitions outermost, so that whatever else the machine is doing
 * spreads over all cases instead of landing on one.
 */
final class Benchmark {

  private final BenchOptions options;
  private final PrintStream progress;
  private final Tools tools;
  private final Samples samples = new Samples();

  Benchmark(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
    this.tools = Tools.locate(options.home());
  }

  /** Measures everything and returns the samples; {@code work} holds the projects and logs. */
  Samples run(Path work) {
    Map<Integer, SyntheticProject> projects = new LinkedHashMap<>();
    try (BaselineDatabases baselines = new BaselineDatabases(work, options.postgresUrl())) {
      for (int n : options.migrations()) {
        SyntheticProject.CliUrls urls = new SyntheticProject.CliUrls(baselines.cliUrl("sqlite"),
            baselines.cliUrl("postgres"), baselines.door().user(), baselines.door().password());
        projects.put(n, options.realShape()
            ? SyntheticProject.write(work.resolve("real" + n), RealShapedMigrations.generate(n),
                RealShapedMigrations.tables(n), options.scenarios(), urls, options.postgresUrl(), options.privateServer())
            : SyntheticProject.write(work.resolve("n" + n), SyntheticMigrations.generate(n), SyntheticMigrations.tables(n),
                options.scenarios(), urls, options.postgresUrl(), options.privateServer()));
      }
      int rounds = Math.max(options.repetitions(), options.cliRepetitions());
      for (int round = 1; round <= rounds; round++) {
        for (String database : options.databases()) {
          for (SyntheticProject project : projects.values()) {
            if (round <= options.repetitions() && options.measures("roundtrip")) {
              roundtrip(project, database, round);
            }
            if (round <= options.repetitions() && options.measures("raw")) {
              rawSql(project, database, round, baselines);
            }
            if (round <= options.cliRepetitions() && options.measures("cli")) {
              cliScript(project, database, round, baselines);
            }
          }
          if (round <= options.repetitions() && options.measures("suite")) {
            suite(projects, database, round);
          }
        }
      }
    }
    return samples;
  }

  private void roundtrip(SyntheticProject project, String database, int round) {
    measure(new Samples.Case(database, Measure.ROUNDTRIP, project.scripts().size(), 0), round, project.root(),
        rehearse("roundtrip", "--project-dir", project.root().toString(), "--database", database));
  }

  private void rawSql(SyntheticProject project, String database, int round, BaselineDatabases baselines) {
    int n = project.scripts().size();
    baselines.reset(database, Use.FLOOR);
    measure(new Samples.Case(database, Measure.RAW_SQL, n, 0), round, project.root(), List.of("java", "-cp",
        tools.floorClasspath(database), RawSql.class.getName(), baselines.url(database, Use.FLOOR),
        project.scriptsDir().toString()));
  }

  private void cliScript(SyntheticProject project, String database, int round, BaselineDatabases baselines) {
    int n = project.scripts().size();
    int count = options.cliMigrations(n);
    Path script = CliScript.write(project, database, tools, count);
    baselines.reset(database, Use.CLI);
    Samples.Case measured = new Samples.Case(database, Measure.CLI_SCRIPT, n, 0);
    String what = measured.measure().label() + " on " + database + ", N = " + n
        + (count < n ? " (the first " + count + " migrations, extrapolated per migration to " + n + ")" : "");
    Child.Sample sample = Child.run(List.of("bash", script.toString()), project.root(), log(project.root()), what);
    // The CLI's cost per migration is a JVM and a connection per step, whatever the schema: per migration it scales.
    Child.Sample scaled = new Child.Sample(sample.millis() * n / count, sample.peakRssKb());
    samples.add(measured, scaled);
    progress.printf("  run %d  %-62s %9.0f ms%s%n", round, what, scaled.millis(), count < n
        ? String.format(" (measured %.0f ms)", sample.millis()) : "");
    long rows = baselines.changelogRows(database);
    if (rows != count) {
      throw new BenchException("the MyBatis CLI script left " + rows + " changelog rows instead of " + count
          + "; its output is in " + log(project.root()));
    }
  }


  /**
   * The suite at the largest N and M with and without the cache and with one and two jobs; with the cache and two
   * jobs also at the smallest M (growth in M) and the smallest N (growth in N).
   */
  private void suite(Map<Integer, SyntheticProject> projects, String database, int round) {
    int bigN = options.largestN();
    int bigM = options.largestM();
    suite(projects.get(bigN), database, bigM, Measure.SUITE_CACHED, round);
    suite(projects.get(bigN), database, bigM, Measure.SUITE_UNCACHED, round);
    suite(projects.get(bigN), database, bigM, Measure.SUITE_ONE_JOB, round);
    for (int m : options.scenarios()) {
      if (m != bigM) {
        suite(projects.get(bigN), database, m, Measure.SUITE_CACHED, round);
      }
    }
    for (int n : options.migrations()) {
      if (n != bigN) {
        suite(projects.get(n), database, bigM, Measure.SUITE_CACHED, round);
      }
    }
  }

  private void suite(SyntheticProject project, String database, int m, Measure measure, int round) {
    List<String> command = new ArrayList<>(rehearse("run", "--project-dir", project.root().toString(),
        "--database", database, "--jobs", measure == Measure.SUITE_ONE_JOB ? "1" : "2"));
    if (measure == Measure.SUITE_UNCACHED) {
      command.add("--no-cache");
    }
    command.add(project.scenariosDir(m).toString());
    measure(new Samples.Case(database, measure, project.scripts().size(), m), round, project.root(), command);
  }

  private void measure(Samples.Case measured, int round, Path dir, List<String> command) {
    String what = measured.measure().label() + " on " + measured.database() + ", N = " + measured.migrations()
        + (measured.scenarios() > 0 ? ", M = " + measured.scenarios() : "");
    Child.Sample sample = Child.run(command, dir, log(dir), what);
    samples.add(measured, sample);
    progress.printf("  run %d  %-62s %9.0f ms%s%n", round, what, sample.millis(),
        sample.peakRssKb() == null ? "" : String.format("  %4d MB", sample.peakRssKb() / 1024));
  }

  private List<String> rehearse(String... arguments) {
    List<String> command = new ArrayList<>(List.of(tools.rehearse().toString()));
    command.addAll(List.of(arguments));
    return command;
  }

  private static Path log(Path dir) {
    return dir.resolve("bench.log");
  }

  /** A new temporary work directory, or the one asked for (created if needed). */
  static Path workDirectory(BenchOptions options) {
    try {
      return options.work() != null ? Files.createDirectories(options.work())
          : Files.createTempDirectory("rehearsal-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the work directory", e);
    }
  }
}

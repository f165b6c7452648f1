package dev.rehearsal.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/jobs}: how {@code rehearse run} scales with {@code --jobs} on a suite whose scenarios do real work,
 * and what the cache gives there. A synthetic repository of N migrations
 * (default 50) and M scenarios (default 100) that each start from the state five migrations before head, generate
 * 10,000 rows and round-trip the last five migrations with them; each configuration is one {@code rehearse run}
 * process, timed from start to exit, repetitions outermost. Prints the times, the ratios and the verdicts of the
 * targets ({@code --jobs 2} at least 1.6x faster than {@code --jobs 1}); nothing fails on them.
 */
public final class JobsBench {

  static final String USAGE = """
      Usage: bench/jobs [--m 100] [--rows 10000] [--n 50] [--last 5] [--reps 1] [--database sqlite|postgres]...
                        [--postgres-url JDBC-URL] [--configs cache:1,cache:2,nocache:1,nocache:2]
                        [--seeding] [--keep-work]

      Times rehearse run of M scenarios that each start from the state LAST migrations before head, generate ROWS
      rows and round-trip the last LAST migrations, with --jobs 1 and 2, with and without the cache. --configs
      measures only some of these (cache: with the cache; nocache: --no-cache; each with its number of jobs). --seeding measures bench/run's suite instead (each scenario
      starts at head, seeds three rows and checks counts: the copy is most of its cost), default N = 200, M = 50.
      """;

  /** One configuration: its label and the options of {@code rehearse run}. */
  record Config(String label, int jobs, boolean cache) {
    /** {@code cache:2}, {@code nocache:1}: as {@code --configs} names it. */
    String key() {
      return (cache ? "cache" : "nocache") + ":" + jobs;
    }

    List<String> options() {
      List<String> options = new ArrayList<>(List.of("--jobs", String.valueOf(jobs)));
      if (!cache) {
        options.add("--no-cache");
      }
      return options;
    }
  }

  private JobsBench() {}

  public static void main(String[] args) throws IOException {
    List<String> list = List.of(args);
    if (list.contains("--help") || list.contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    boolean seeding = list.contains("--seeding");
    int m = intOption(list, "--m", seeding ? 50 : 100);
    int rows = intOption(list, "--rows", 10_000);
    int n = intOption(list, "--n", seeding ? 200 : 50);
    List<String> only = List.of(stringOption(list, "--configs", "").split(","));
    int last = intOption(list, "--last", 5);
    int reps = intOption(list, "--reps", 1);
    List<String> databases = new ArrayList<>();
    for (int i = 0; i < list.size() - 1; i++) {
      if (list.get(i).equals("--database")) {
        databases.add(list.get(i + 1));
      }
    }
    if (databases.isEmpty()) {
      databases = List.of("sqlite", "postgres");
    }
    String url = stringOption(list, "--postgres-url", System.getenv().getOrDefault("REHEARSAL_POSTGRES_URL",
        BenchOptions.DEFAULT_POSTGRES_URL));
    Path home = Path.of(System.getProperty("rehearsal.home", ".")).toAbsolutePath().normalize();
    Path work = Files.createTempDirectory("rehearsal-jobs-bench-");
    Tools tools = Tools.locate(home);
    SyntheticProject project = SyntheticProject.write(work.resolve("n" + n), SyntheticMigrations.generate(n),
        SyntheticMigrations.tables(n), seeding ? List.of(m) : List.of(), new SyntheticProject.CliUrls("", "", "", ""),
        url, false);
    Path suite = seeding ? project.scenariosDir(m) : project.writeWorkingSuite(m, rows, last);
    PrintStream out = System.out;
    if (seeding) {
      out.printf("Seeding suite: N = %d migrations, M = %d scenarios (each: apply head from the cache, seed three "
          + "rows, check counts); %d repetition(s); load %s; work directory %s%n", n, m, reps, MachineInfo.load(),
          work);
    } else {
      out.printf("Working suite: N = %d migrations, M = %d scenarios (each: apply to head - %d from the cache, "
          + "seed %d generated rows, roundtrip the last %d); %d repetition(s); load %s; work directory %s%n", n, m,
          last, rows, last, reps, MachineInfo.load(), work);
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int round = 1; round <= reps; round++) {
      for (String database : databases) {
        for (Config config : configs(database)) {
          if (!only.equals(List.of("")) && !only.contains(config.key())) {
            continue;
          }
          List<String> command = new ArrayList<>(List.of(tools.rehearse().toString(), "run", "--project-dir",
              project.root().toString(), "--database", database));
          command.addAll(config.options());
          command.add(suite.toString());
          String what = "rehearse run on " + database + ", " + config.label();
          Child.Sample sample = Child.run(command, project.root(), project.root().resolve("bench.log"), what);
          times.computeIfAbsent(database + "|" + config.label(), k -> new ArrayList<>()).add(sample.millis());
          times.computeIfAbsent(database + "|" + config.key(), k -> new ArrayList<>()).add(sample.millis());
          out.printf("  run %d  %-55s %9.0f ms%s%n", round, what, sample.millis(),
              sample.peakRssKb() == null ? "" : String.format("  %4d MB", sample.peakRssKb() / 1024));
        }
      }
    }
    out.printf("%nM = %d %s scenarios over N = %d (median of %d); load %s%n", m, seeding ? "seeding" : "working", n,
        reps, MachineInfo.load());
    out.printf("%-9s %-22s %10s%n", "database", "configuration", "time");
    for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
      String[] key = entry.getKey().split("\\|");
      if (key[1].contains(":")) {
        continue;
      }
      out.printf("%-9s %-22s %8.2f s%n", key[0], key[1], median(entry.getValue()) / 1000);
    }
    out.println();
    for (String database : databases) {
      for (Config config : configs(database)) {
        Double two = median(times, database, config.key().replace(":1", ":2"));
        Double one = median(times, database, config.key().replace(":2", ":1"));
        if (config.jobs() == 1 && one != null && two != null) {
          out.printf("%-9s %-16s --jobs 1 / --jobs 2 = %.2fx  (target at least 1.6x: %s)%n", database,
              mode(config), one / two, one / two >= 1.6 ? "met" : "not met");
        }
      }
      for (int jobs : List.of(1, 2)) {
        Double cached = median(times, database, "cache:" + jobs);
        Double uncached = median(times, database, "nocache:" + jobs);
        if (cached != null && uncached != null) {
          out.printf("%-9s --jobs %d: no cache / cache = %.2fx%n", database, jobs, uncached / cached);
        }
      }
    }
    if (!list.contains("--keep-work")) {
      try (var paths = Files.walk(work)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  /** The configurations measured on {@code database}. */
  static List<Config> configs(String database) {
    List<Config> configs = new ArrayList<>();
    for (int jobs : List.of(1, 2)) {
      String suffix = jobs == 1 ? ", 1 job" : ", 2 jobs";
      configs.add(new Config("cache" + suffix, jobs, true));
      configs.add(new Config("no cache" + suffix, jobs, false));
    }
    return configs;
  }

  private static String mode(Config config) {
    return config.label().substring(0, config.label().lastIndexOf(','));
  }

  /** The median time of {@code key} on {@code database}, or null when it was not measured. */
  private static Double median(Map<String, List<Double>> times, String database, String key) {
    List<Double> values = times.get(database + "|" + key);
    return values == null ? null : median(values);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int size = sorted.size();
    return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
  }

  private static int intOption(List<String> args, String name, int otherwise) {
    return Integer.parseInt(stringOption(args, name, String.valueOf(otherwise)));
  }

  private static String stringOption(List<String> args, String name, String otherwise) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : otherwise;
  }
}

package dev.rehearsal.bench;

import dev.rehearsal.bench.Results.GrowthRow;
import dev.rehearsal.bench.Results.RoundtripRow;
import dev.rehearsal.bench.Results.SuiteRow;
import dev.rehearsal.bench.Results.TargetRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the samples into rows, growth figures and the verdicts on the targets. */
final class Report {

  static final double CLI_TARGET = 30;
  static final double FLOOR_TARGET = 2;
  static final double CACHE_TARGET = 10;
  /** Issue 16's targets for the real-shaped repository. */
  static final double REAL_CLI_TARGET = 40;
  static final double REAL_FLOOR_TARGET = 3;
  static final double REAL_CACHE_TARGET = 5;
  /** Per-migration time against the number of tables: at most this exponent. */
  static final double PER_MIGRATION_TARGET = 0.3;
  static final double JOBS_TARGET = 1.6;
  static final long RSS_TARGET_MB = 300;
  /** Growth counts as linear up to this exponent; above 1 only by what noise on a busy machine explains. */
  static final double LINEAR_TARGET = 1.15;

  private final BenchOptions options;
  private final Samples samples;

  private Report(BenchOptions options, Samples samples) {
    this.options = options;
    this.samples = samples;
  }

  static Results of(BenchOptions options, Samples samples, Results.Machine machine) {
    Report report = new Report(options, samples);
    List<RoundtripRow> roundtrip = new ArrayList<>();
    List<SuiteRow> suite = new ArrayList<>();
    List<GrowthRow> growth = new ArrayList<>();
    List<TargetRow> targets = new ArrayList<>();
    Map<String, Long> rss = new LinkedHashMap<>();
    for (String database : options.databases()) {
      options.migrations().forEach(n -> roundtrip.add(report.roundtrip(database, n)));
      options.scenarios().forEach(m -> suite.add(report.suite(database, options.largestN(), m)));
      options.migrations().stream().filter(n -> n != options.largestN())
          .forEach(n -> suite.add(report.suite(database, n, options.largestM())));
      growth.addAll(report.growth(database));
      Long peak = samples.peakRssKb(database);
      rss.put(database, peak == null ? null : peak / 1024);
      targets.addAll(report.targets(database, roundtrip, suite, growth, rss.get(database)));
    }
    return new Results(machine, new Results.Settings(options.migrations(), options.scenarios(),
        options.repetitions(), options.cliRepetitions(), options.databases(), options.quick(),
        options.realShape() ? "real" : "simple", options.cliSlice(), options.privateServer()), roundtrip, suite,
        growth, targets, rss);
  }

  private RoundtripRow roundtrip(String database, int n) {
    Double rehearse = samples.median(database, Measure.ROUNDTRIP, n, 0);
    Double cli = samples.median(database, Measure.CLI_SCRIPT, n, 0);
    Double raw = samples.median(database, Measure.RAW_SQL, n, 0);
    return new RoundtripRow(database, n, tables(n), rehearse, rehearse == null ? null : rehearse / n, cli, raw,
        ratio(cli, rehearse), ratio(rehearse, raw), mb(samples.peakRssKb(database, Measure.ROUNDTRIP, n, 0)));
  }

  private int tables(int n) {
    return options.realShape() ? RealShapedMigrations.tables(n) : SyntheticMigrations.tables(n);
  }

  private SuiteRow suite(String database, int n, int m) {
    Double cached = samples.median(database, Measure.SUITE_CACHED, n, m);
    Double uncached = samples.median(database, Measure.SUITE_UNCACHED, n, m);
    Double oneJob = samples.median(database, Measure.SUITE_ONE_JOB, n, m);
    Long peak = List.of(Measure.SUITE_CACHED, Measure.SUITE_UNCACHED, Measure.SUITE_ONE_JOB).stream()
        .map(measure -> samples.peakRssKb(database, measure, n, m)).filter(java.util.Objects::nonNull)
        .max(Long::compare).orElse(null);
    return new SuiteRow(database, n, m, cached, uncached, oneJob, ratio(uncached, cached), ratio(oneJob, cached),
        mb(peak));
  }

  private List<GrowthRow> growth(String database) {
    List<GrowthRow> rows = new ArrayList<>();
    int smallN = options.migrations().get(0);
    int bigN = options.largestN();
    int smallM = options.scenarios().get(0);
    int bigM = options.largestM();
    if (smallN != bigN) {
      rows.add(growth(database, "rehearse roundtrip", "N", smallN, bigN,
          samples.median(database, Measure.ROUNDTRIP, smallN, 0), samples.median(database, Measure.ROUNDTRIP, bigN, 0)));
      rows.add(growth(database, "rehearse run (M = " + bigM + ")", "N", smallN, bigN,
          samples.median(database, Measure.SUITE_CACHED, smallN, bigM),
          samples.median(database, Measure.SUITE_CACHED, bigN, bigM)));
    }
    if (smallN != bigN) {
      // Per migration against tables: 0 when a migration costs the same whatever the schema's size.
      Double from = samples.median(database, Measure.ROUNDTRIP, smallN, 0);
      Double to = samples.median(database, Measure.ROUNDTRIP, bigN, 0);
      rows.add(growth(database, "roundtrip per migration", "tables", tables(smallN), tables(bigN),
          from == null ? null : from / smallN, to == null ? null : to / bigN));
    }
    if (smallM != bigM) {
      rows.add(growth(database, "rehearse run (N = " + bigN + ")", "M", smallM, bigM,
          samples.median(database, Measure.SUITE_CACHED, bigN, smallM),
          samples.median(database, Measure.SUITE_CACHED, bigN, bigM)));
    }
    return rows;
  }

  private static GrowthRow growth(String database, String measure, String size, int from, int to, Double fromMs,
      Double toMs) {
    Double ratio = ratio(toMs, fromMs);
    Double exponent = ratio == null ? null : Math.log(ratio) / Math.log((double) to / from);
    return new GrowthRow(database, measure, size, from, to, fromMs, toMs, ratio, exponent);
  }

  private List<TargetRow> targets(String database, List<RoundtripRow> roundtrips, List<SuiteRow> suites,
      List<GrowthRow> growth, Long rssMb) {
    int bigN = options.largestN();
    int bigM = options.largestM();
    List<TargetRow> targets = new ArrayList<>();
    RoundtripRow roundtrip = roundtrips.stream().filter(r -> r.database().equals(database) && r.migrations() == bigN)
        .findFirst().orElseThrow();
    SuiteRow suite = suites.stream().filter(s -> s.database().equals(database) && s.migrations() == bigN
        && s.scenarios() == bigM).findFirst().orElseThrow();
    boolean real = options.realShape();
    targets.add(atLeast(database, "roundtrip N = " + bigN + ": faster than the per-step CLI script"
        + (options.cliMigrations(bigN) < bigN ? " (extrapolated)" : ""), real ? REAL_CLI_TARGET : CLI_TARGET,
        roundtrip.cliOverRehearse()));
    targets.add(atMost(database, "roundtrip N = " + bigN + ": time over the raw-SQL floor",
        real ? REAL_FLOOR_TARGET : FLOOR_TARGET, roundtrip.rehearseOverRawSql(), "×"));
    targets.add(atLeast(database, "suite M = " + bigM + ", N = " + bigN + ": faster with the cache",
        real ? REAL_CACHE_TARGET : CACHE_TARGET, suite.uncachedOverCached()));
    targets.add(atLeast(database, "suite M = " + bigM + ", N = " + bigN + ": --jobs 2 faster than --jobs 1",
        JOBS_TARGET, suite.oneJobOverTwoJobs()));
    targets.add(atMost(database, "peak RSS of every Rehearsal process", RSS_TARGET_MB,
        rssMb == null ? null : rssMb.doubleValue(), "MB"));
    growth.stream().filter(g -> g.database().equals(database)).forEach(g -> targets.add(g.size().equals("tables")
        ? atMost(database, g.measure() + " against tables (growth exponent)", PER_MIGRATION_TARGET, g.exponent(), "")
        : atMost(database, g.measure() + ": linear in " + g.size() + " (growth exponent)", LINEAR_TARGET,
            g.exponent(), "")));
    return targets;
  }

  private static TargetRow atLeast(String database, String target, double required, Double measured) {
    return new TargetRow(database, target, "≥ " + format(required) + "×", measured, "×",
        measured != null && measured >= required);
  }

  private static TargetRow atMost(String database, String target, double required, Double measured, String unit) {
    return new TargetRow(database, target, "≤ " + format(required) + unit, measured, unit,
        measured != null && measured <= required);
  }

  static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.valueOf(value);
  }

  private static Double ratio(Double numerator, Double denominator) {
    return numerator == null || denominator == null || denominator == 0 ? null : numerator / denominator;
  }

  private static Long mb(Long kb) {
    return kb == null ? null : kb / 1024;
  }
}

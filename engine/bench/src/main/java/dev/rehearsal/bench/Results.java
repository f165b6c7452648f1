package dev.rehearsal.bench;

import java.util.List;
import java.util.Map;

/**
 * What the benchmark found, as written to {@code results.json} and printed as tables. Times are medians in
 * milliseconds; ratios are "how many times"; a field is null when its case was not measured.
 */
record Results(Machine machine, Settings settings, List<RoundtripRow> roundtrip, List<SuiteRow> suite,
    List<GrowthRow> growth, List<TargetRow> targets, Map<String, Long> peakRssMb) {

  /** Where it ran; the load averages show how busy the machine was with other work. */
  record Machine(int cores, String java, String os, Map<String, String> databases, String loadBefore,
      String loadAfter) {}

  record Settings(List<Integer> migrations, List<Integer> scenarios, int repetitions, int cliRepetitions,
      List<String> databases, boolean quick, String shape, int cliSlice, boolean privateServer) {}

  /**
   * The round-trip of every migration, against the per-step CLI script and the raw-SQL floor; {@code tables} is how
   * many tables the repository grows to, {@code perMigrationMs} the round-trip's time per migration.
   */
  record RoundtripRow(String database, int migrations, int tables, Double rehearseMs, Double perMigrationMs,
      Double cliScriptMs, Double rawSqlMs, Double cliOverRehearse, Double rehearseOverRawSql, Long peakRssMb) {}

  /** One suite size: with the cache and two jobs, without the cache, with one job. */
  record SuiteRow(String database, int migrations, int scenarios, Double cachedMs, Double uncachedMs,
      Double oneJobMs, Double uncachedOverCached, Double oneJobOverTwoJobs, Long peakRssMb) {}

  /**
   * How time grows with size: {@code exponent} is log(time ratio) / log(size ratio), 1 for linear growth and 2 for
   * quadratic (fixed costs such as JVM start make it smaller than 1).
   */
  record GrowthRow(String database, String measure, String size, int from, int to, Double fromMs, Double toMs,
      Double ratio, Double exponent) {}

  /** One target of issue 7 on one database. */
  record TargetRow(String database, String target, String required, Double measured, String unit, boolean met) {}
}

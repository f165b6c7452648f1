package dev.rehearsal.bench;

import dev.rehearsal.bench.Results.GrowthRow;
import dev.rehearsal.bench.Results.RoundtripRow;
import dev.rehearsal.bench.Results.SuiteRow;
import dev.rehearsal.bench.Results.TargetRow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The results as plain-text tables, ratios beside the times. */
final class ResultsTable {

  private ResultsTable() {}

  static void print(Results results, PrintStream out) {
    Results.Machine machine = results.machine();
    Results.Settings settings = results.settings();
    out.printf("%nRehearsal benchmark: %d cores, Java %s, %s; %s%n", machine.cores(), machine.java(),
        String.join(", ", machine.databases().values()), machine.os());
    out.printf("%s repository%s; medians of %d run%s (the per-step CLI script: %d run%s of 3N processes%s); load "
        + "average before %s, after %s%s%n", settings.shape().equals("real") ? "real-shaped" : "simple synthetic",
        settings.privateServer() ? ", rehearse on a private PostgreSQL server (server: private)" : "",
        settings.repetitions(), plural(settings.repetitions()), settings.cliRepetitions(),
        plural(settings.cliRepetitions()), settings.cliSlice() == 0 ? "" : ", on the first " + settings.cliSlice()
        + " migrations, extrapolated per migration to N", machine.loadBefore(), machine.loadAfter(),
        settings.quick() ? "; QUICK MODE: sizes too small for the targets" : "");
    roundtrip(results.roundtrip(), out);
    suite(results.suite(), out);
    growth(results.growth(), out);
    targets(results.targets(), out);
  }

  private static void roundtrip(List<RoundtripRow> rows, PrintStream out) {
    out.printf("%nRound-trip of every migration (up, down, up)%n");
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("database", "N", "tables", "rehearse", "per migration", "CLI per step", "raw SQL",
        "CLI ÷ rehearse", "rehearse ÷ raw SQL", "peak RSS"));
    for (RoundtripRow row : rows) {
      table.add(List.of(row.database(), String.valueOf(row.migrations()), String.valueOf(row.tables()),
          seconds(row.rehearseMs()), row.perMigrationMs() == null ? "-" : String.format("%.0f ms",
          row.perMigrationMs()),
          seconds(row.cliScriptMs()), seconds(row.rawSqlMs()), times(row.cliOverRehearse()),
          times(row.rehearseOverRawSql()), mb(row.peakRssMb())));
    }
    print(table, 1, out);
  }

  private static void suite(List<SuiteRow> rows, PrintStream out) {
    out.printf("%nSuite: rehearse run of M scenarios over N migrations%n");
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("database", "N", "M", "cache, 2 jobs", "no cache, 2 jobs", "cache, 1 job", "no cache ÷ cache",
        "1 job ÷ 2 jobs", "peak RSS"));
    for (SuiteRow row : rows) {
      table.add(List.of(row.database(), String.valueOf(row.migrations()), String.valueOf(row.scenarios()),
          seconds(row.cachedMs()), seconds(row.uncachedMs()), seconds(row.oneJobMs()),
          times(row.uncachedOverCached()), times(row.oneJobOverTwoJobs()), mb(row.peakRssMb())));
    }
    print(table, 1, out);
  }

  private static void growth(List<GrowthRow> rows, PrintStream out) {
    out.printf("%nGrowth (exponent = log(time ratio) / log(size ratio): 1 linear, 2 quadratic)%n");
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("database", "measure", "size", "time", "time ratio", "exponent"));
    for (GrowthRow row : rows) {
      table.add(List.of(row.database(), row.measure(), row.size() + " " + row.from() + " → " + row.to(),
          seconds(row.fromMs()) + " → " + seconds(row.toMs()), times(row.ratio()), number(row.exponent())));
    }
    print(table, 3, out);
  }

  private static void targets(List<TargetRow> rows, PrintStream out) {
    out.printf("%nTargets%n");
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("database", "target", "required", "measured", "met"));
    for (TargetRow row : rows) {
      String measured = row.measured() == null ? "not measured" : row.unit().equals("×") ? times(row.measured())
          : row.unit().equals("MB") ? mb(Math.round(row.measured())) : number(row.measured());
      table.add(List.of(row.database(), row.target(), row.required(), measured, row.met() ? "yes" : "NO"));
    }
    print(table, 2, out);
  }

  /** Columns padded to their widest cell: the first {@code textColumns} left-aligned, the figures right-aligned. */
  private static void print(List<List<String>> table, int textColumns, PrintStream out) {
    int columns = table.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : table) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : table) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String pad = " ".repeat(widths[i] - row.get(i).length());
        line.append(i == 0 ? "" : "  ").append(i < textColumns ? row.get(i) + pad : pad + row.get(i));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  static String seconds(Double millis) {
    return millis == null ? "-" : String.format("%.2f s", millis / 1000);
  }

  static String times(Double ratio) {
    return ratio == null ? "-" : String.format(ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
  }

  static String number(Double value) {
    return value == null ? "-" : String.format("%.2f", value);
  }

  static String mb(Long megabytes) {
    return megabytes == null ? "n/a" : megabytes + " MB";
  }

  private static String plural(int count) {
    return count == 1 ? "" : "s";
  }
}

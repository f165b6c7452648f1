package dev.rehearsal.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings, from its command line.
 *
 * @param migrations the repository sizes N, smallest first (the round-trip is measured at each; the suite at the
 *     largest, and at the smallest for its growth)
 * @param scenarios the suite sizes M, smallest first
 * @param repetitions runs of each measurement; the median is reported
 * @param cliRepetitions runs of the per-step MyBatis CLI script, which is 3N processes long
 * @param home the repository root, where the {@code rehearse} launcher is
 * @param work where synthetic projects and baseline databases go (a new temporary directory when null)
 * @param realShape whether the repository is {@link RealShapedMigrations}' (PostgreSQL only) instead of
 *     {@link SyntheticMigrations}'
 * @param cliSlice the per-step CLI runs the first this many migrations only, and its time is extrapolated per
 *     migration to N; 0 for all N
 * @param privateServer whether rehearse runs on a private PostgreSQL server of its own ({@code server: private});
 *     the per-step CLI and the floor still use the server of {@code postgresUrl}
 */
record BenchOptions(List<Integer> migrations, List<Integer> scenarios, int repetitions, int cliRepetitions,
    List<String> databases, String postgresUrl, Path home, Path out, Path work, boolean keepWork, boolean quick,
    List<String> only, boolean realShape, int cliSlice, boolean privateServer) {

  static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  static final List<String> KINDS = List.of("sqlite", "postgres");
  static final List<String> PARTS = List.of("roundtrip", "cli", "raw", "suite");

  static final String USAGE = """
      Usage: bench/run [--quick] [--n 50,200] [--m 10,50] [--reps 3] [--cli-reps 1]
                       [--database sqlite|postgres]... [--postgres-url JDBC-URL] [--only PARTS]
                       [--out FILE] [--work DIR] [--keep-work] [--shape simple|real] [--cli-slice K]
                       [--private-server]

      Measures rehearse roundtrip against the MyBatis CLI called once per step and against the raw SQL of the same
      scripts, and rehearse run with and without the state cache and with 1 and 2 jobs, on a synthetic repository of
      N migrations and M scenarios. Prints a table and writes artifacts/bench/results.json.

        --quick          a short run for tests: N = 3,6, M = 2,4, one repetition
        --n LIST         repository sizes (default 50,200)
        --m LIST         suite sizes (default 10,50)
        --reps R         runs of each measurement, median reported (default 3; 1 with --quick)
        --cli-reps R     runs of the per-step CLI script, 3N processes each (default 1)
        --database NAME  sqlite or postgres, repeatable (default both)
        --postgres-url   server to use (default $REHEARSAL_POSTGRES_URL, else %s)
        --only PARTS     measure only some of roundtrip,cli,raw,suite (default all), e.g. while profiling
        --out FILE       results file (default artifacts/bench/results.json under the repository)
        --work DIR       where to write the synthetic projects (default a new temporary directory)
        --keep-work      keep that directory afterwards
        --shape SHAPE    simple (default): tables with a few columns, on both engines; real: a real service's shape
                         (about 90 tables of 8-15 columns and 250 indexes at N = 500), PostgreSQL only
        --cli-slice K    run the per-step CLI on the first K migrations only and extrapolate its time per migration
                         to N (said so in the output); default: all N
        --private-server rehearse runs on a throwaway server of its own (server: private); the CLI and the floor
                         still use the server of --postgres-url
      """.formatted(DEFAULT_POSTGRES_URL);

  /** Thrown for a wrong command line; the message says what is wrong. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * @param home the repository root
   * @throws UsageException for an unknown option or a bad value
   */
  static BenchOptions parse(List<String> args, Path home, Map<String, String> environment) {
    boolean quick = args.contains("--quick");
    List<Integer> n = quick ? List.of(3, 6) : List.of(50, 200);
    List<Integer> m = quick ? List.of(2, 4) : List.of(10, 50);
    int reps = quick ? 1 : 3;
    int cliReps = 1;
    List<String> databases = new ArrayList<>();
    String url = environment.getOrDefault("REHEARSAL_POSTGRES_URL", DEFAULT_POSTGRES_URL);
    Path out = home.resolve("artifacts/bench/results.json");
    Path work = null;
    boolean keep = false;
    List<String> only = PARTS;
    boolean real = false;
    int slice = 0;
    boolean privateServer = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--quick" -> { }
        case "--keep-work" -> keep = true;
        case "--n" -> n = sizes(arg, value(args, ++i, arg), 2);
        case "--m" -> m = sizes(arg, value(args, ++i, arg), 1);
        case "--reps" -> reps = count(arg, value(args, ++i, arg));
        case "--cli-reps" -> cliReps = count(arg, value(args, ++i, arg));
        case "--database" -> databases.add(kind(value(args, ++i, arg)));
        case "--postgres-url" -> url = value(args, ++i, arg);
        case "--out" -> out = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--work" -> work = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--only" -> only = parts(value(args, ++i, arg));
        case "--shape" -> real = shape(value(args, ++i, arg));
        case "--cli-slice" -> slice = count(arg, value(args, ++i, arg));
        case "--private-server" -> privateServer = true;
        default -> throw new UsageException("unknown option '" + arg + "'");
      }
    }
    if (real && databases.contains("sqlite")) {
      throw new UsageException("--shape real is PostgreSQL only (SQLite cannot change a column's type): leave out "
          + "--database sqlite");
    }
    List<String> kinds = real ? List.of("postgres") : databases.isEmpty() ? KINDS : List.copyOf(databases);
    return new BenchOptions(n, m, reps, cliReps, kinds, url, home, out, work, keep, quick, only, real, slice,
        privateServer);
  }

  private static boolean shape(String text) {
    return switch (text) {
      case "simple" -> false;
      case "real" -> true;
      default -> throw new UsageException("--shape " + text + ": must be simple or real");
    };
  }

  /** The migrations the per-step CLI runs at size {@code n}. */
  int cliMigrations(int n) {
    return cliSlice == 0 ? n : Math.min(n, cliSlice);
  }

  /** Whether {@code part} ({@link #PARTS}) is measured. */
  boolean measures(String part) {
    return only.contains(part);
  }

  int largestN() {
    return migrations.get(migrations.size() - 1);
  }

  int largestM() {
    return scenarios.get(scenarios.size() - 1);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(i);
  }

  private static List<Integer> sizes(String option, String text, int minimum) {
    try {
      List<Integer> sizes = Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).sorted()
          .distinct().toList();
      if (sizes.get(0) < minimum) {
        throw new UsageException(option + " " + text + ": each size must be at least " + minimum);
      }
      return sizes;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " " + text + ": write whole numbers separated by commas, e.g. 50,200");
    }
  }

  private static int count(String option, String text) {
    try {
      int count = Integer.parseInt(text.strip());
      if (count >= 1) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " " + text + ": must be a whole number of at least 1");
  }

  private static List<String> parts(String text) {
    List<String> parts = Arrays.stream(text.split(",")).map(String::strip).toList();
    for (String part : parts) {
      if (!PARTS.contains(part)) {
        throw new UsageException("--only " + text + ": '" + part + "' is not one of " + String.join(", ", PARTS));
      }
    }
    return parts;
  }

  private static String kind(String text) {
    if (!KINDS.contains(text)) {
      throw new UsageException("--database " + text + ": must be one of " + String.join(", ", KINDS));
    }
    return text;
  }
}

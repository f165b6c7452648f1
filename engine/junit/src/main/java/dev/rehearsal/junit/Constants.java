package dev.rehearsal.junit;

import java.util.List;

/**
 * The configuration parameters of the {@code rehearsal} engine. Give them in {@code junit-platform.properties},
 * as Surefire's {@code configurationParameters}, with {@code @ConfigurationParameter} on a suite, or as Java
 * system properties.
 *
 * <p>Every key of {@code rehearsal.yaml} works too, with the prefix {@value #PREFIX}: {@code rehearsal.paths.reports}
 * overrides {@code paths.reports}, {@code rehearsal.databases.postgres.url} overrides
 * {@code databases.postgres.url} (see {@code dev.rehearsal.config.Constants}). The environment variable
 * {@code REHEARSAL_POSTGRES_URL} overrides the file as it does for the {@code rehearse} command.
 */
public final class Constants {

  /** The engine's id, for {@code @IncludeEngines} and unique ids. */
  public static final String ENGINE_ID = "rehearsal";

  /** Prefix of every parameter, and of the {@code rehearsal.yaml} keys given as parameters. */
  public static final String PREFIX = "rehearsal.";

  /**
   * The project root, the directory that holds {@code rehearsal.yaml}. Default: the nearest directory above the
   * working directory that has a {@code rehearsal.yaml}, else the working directory.
   */
  public static final String PROJECT_DIR = "rehearsal.project_dir";

  /**
   * Scenario files and directories, comma-separated, relative to the project root; used when the request selects
   * no file, directory, classpath resource or unique id of this engine (Surefire selects only classes). Default:
   * none, so the engine finds nothing unless something is selected.
   */
  public static final String SCENARIOS = "rehearsal.scenarios";

  /**
   * The databases to run on, comma-separated names configured in {@code rehearsal.yaml} (the command's
   * {@code --database}). Default: the databases run by default ({@code run_by_default}).
   */
  public static final String DATABASES = "rehearsal.databases";

  /**
   * A JUnit tag expression over the scenarios' {@code tags:}, e.g. {@code rollback & !slow} (the command's
   * {@code --tags}). Applied before {@link #SHARD}. Default: every scenario.
   */
  public static final String TAGS = "rehearsal.tags";

  /**
   * A regular expression; only scenarios whose name ({@code scenario:}) or file contains a match run (the
   * command's {@code --name}). Applied before {@link #SHARD}. Default: every scenario.
   */
  public static final String NAME = "rehearsal.name";

  /**
   * {@code I/N}: run only the I-th of N shares of the scenario runs (1-based), for CI jobs that split a run. The N
   * shards of the same selection run every scenario run exactly once, and each gets its share of every database:
   * the runs are dealt database by database, round-robin, or by time when the reports directory holds a
   * {@code rollback-summary-*.json} that lists every selected run (the newest such; a shard's own summary lists only
   * its share). Default: every run.
   */
  public static final String SHARD = "rehearsal.shard";

  /** {@code true} keeps every scratch database for inspection (the command's {@code --keep}). Default: false. */
  public static final String KEEP = "rehearsal.keep";

  /**
   * {@code true} writes golden schema files instead of comparing with them (the command's
   * {@code --update-snapshots}). Default: false.
   */
  public static final String UPDATE_SNAPSHOTS = "rehearsal.update_snapshots";

  /**
   * How many scenario runs go at once, each in its own database (the command's {@code --jobs}); events and reports
   * stay in plan order. Default: 1.
   */
  public static final String JOBS = "rehearsal.jobs";

  /**
   * {@code false} migrates every scenario run from empty instead of starting it from a cached migrated state (the
   * command's {@code --no-cache}). Default: true.
   */
  public static final String CACHE = "rehearsal.cache";

  /**
   * {@code true} prints one line per finished scenario run, with its failed checks, to standard output, as
   * {@code rehearse run} does without a terminal. Default: true.
   */
  public static final String REPORTS_TERMINAL = "rehearsal.reports.terminal";

  /**
   * {@code true} writes the JSON summaries of {@code docs/reports.md} to {@code paths.reports}. Default: true.
   */
  public static final String REPORTS_JSON = "rehearsal.reports.json";

  /** A file to write a JUnit XML report to (one test suite per scenario run). Default: none. */
  public static final String REPORTS_JUNIT_XML = "rehearsal.reports.junit_xml";

  /** A file to write the Markdown summary to. Default: none. */
  public static final String REPORTS_MARKDOWN = "rehearsal.reports.markdown";

  /** The engine's own parameters; any other {@code rehearsal.} key must be a {@code rehearsal.yaml} key. */
  public static final List<String> ENGINE_KEYS = List.of(PROJECT_DIR, SCENARIOS, DATABASES, TAGS, NAME, SHARD, KEEP,
      UPDATE_SNAPSHOTS, JOBS, CACHE, REPORTS_TERMINAL, REPORTS_JSON, REPORTS_JUNIT_XML, REPORTS_MARKDOWN);

  private Constants() {}
}

package dev.rehearsal.bench;

/** What is measured; each is one process (or one shell script of processes) run from start to exit. */
enum Measure {
  /** {@code rehearse roundtrip}: every migration up, down and up again, with every check. */
  ROUNDTRIP("rehearse roundtrip", true),
  /** The same up, down, up sequence as a shell script calling the MyBatis CLI once per step. */
  CLI_SCRIPT("MyBatis CLI, one process per step", false),
  /** The SQL of the same scripts in one JDBC session, no checks, no changelog: the floor. */
  RAW_SQL("raw SQL in one session", false),
  /** {@code rehearse run --jobs 2}, starting scenarios from the cached state at head. */
  SUITE_CACHED("rehearse run --jobs 2", true),
  /** {@code rehearse run --jobs 2 --no-cache}: every scenario migrates from empty. */
  SUITE_UNCACHED("rehearse run --jobs 2 --no-cache", true),
  /** {@code rehearse run --jobs 1}, with the cache. */
  SUITE_ONE_JOB("rehearse run --jobs 1", true);

  private final String label;
  private final boolean rehearsal;

  Measure(String label, boolean rehearsal) {
    this.label = label;
    this.rehearsal = rehearsal;
  }

  String label() {
    return label;
  }

  /** Whether the process is Rehearsal's (its peak memory counts against the target). */
  boolean rehearsal() {
    return rehearsal;
  }

  String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

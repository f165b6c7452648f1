package dev.rehearsal.run;

/**
 * How to run.
 *
 * @param keep keep every scratch database instead of dropping it, for inspection
 * @param updateSnapshots write golden schema files ({@code schema: {matches: FILE}}) instead of comparing
 */
public record RunOptions(boolean keep, boolean updateSnapshots) {

  public static RunOptions defaults() {
    return new RunOptions(false, false);
  }
}

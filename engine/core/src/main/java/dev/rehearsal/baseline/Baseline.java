package dev.rehearsal.baseline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The round-trip verdicts a legacy repository has accepted ({@code rehearsal-baseline.yaml}), per database and script
 * file name. A migration whose script hash and verdict both equal its entry is accepted: shown and counted, but not a
 * failure. Anything else — a migration without an entry, a changed script, another verdict — is judged as usual, and
 * the judgement says what changed.
 */
public final class Baseline {

  /** No baseline in use: verdicts are judged as they are. */
  public static final Baseline NONE = new Baseline("", Map.of(), false);

  private final String shown;
  private final Map<String, SortedMap<String, BaselineEntry>> databases;
  private final boolean recording;

  /**
   * @param shown the file as messages name it, e.g. {@code rehearsal-baseline.yaml}
   * @param databases the entries of each database, by script file name
   */
  public Baseline(String shown, Map<String, ? extends Map<String, BaselineEntry>> databases) {
    this(shown, databases, false);
  }

  private Baseline(String shown, Map<String, ? extends Map<String, BaselineEntry>> databases, boolean recording) {
    this.shown = Objects.requireNonNull(shown, "shown");
    SortedMap<String, SortedMap<String, BaselineEntry>> copy = new TreeMap<>();
    databases.forEach((name, entries) -> copy.put(name, Collections.unmodifiableSortedMap(new TreeMap<>(entries))));
    this.databases = Collections.unmodifiableSortedMap(copy);
    this.recording = recording;
  }

  /**
   * The same entries, for a run that records today's verdicts ({@code --update-baseline}): every verdict is
   * {@link Status#RECORDED}, so none fails the run.
   */
  public Baseline recording() {
    return new Baseline(shown.isEmpty() ? "the baseline" : shown, databases, true);
  }

  public boolean inUse() {
    return this != NONE;
  }

  public boolean isRecording() {
    return recording;
  }

  /** The file as messages name it. */
  public String shown() {
    return shown;
  }

  /** Every database's entries, by database name, then by script file name. */
  public Map<String, SortedMap<String, BaselineEntry>> databases() {
    return databases;
  }

  /** The entries of one database, by script file name (empty when it has none). */
  public SortedMap<String, BaselineEntry> entries(String database) {
    return databases.getOrDefault(database, Collections.emptySortedMap());
  }

  /**
   * The entries of {@code databaseNames} whose script is none of {@code files} any more, by database then file:
   * stale entries, which {@code --update-baseline} removes.
   */
  public List<String> stale(Collection<String> databaseNames, Set<String> files) {
    List<String> stale = new ArrayList<>();
    for (String database : new TreeSet<>(databaseNames)) {
      entries(database).forEach((file, entry) -> {
        if (!files.contains(file)) {
          stale.add(entry.position() + ": stale entry: " + file + " on " + database + " has no script any more "
              + "— 'rehearse roundtrip --update-baseline' removes it");
        }
      });
    }
    return stale;
  }

  /** How one verdict compares with the baseline. */
  public enum Status {
    /** No baseline is in use. */
    NONE(null),
    /** A failing verdict the baseline accepts: same script, same verdict. */
    ACCEPTED("accepted"),
    /** A passing verdict, as the baseline has it. */
    UNCHANGED("unchanged"),
    /** No entry for this migration. */
    NEW("new"),
    /** The script is not the one the baseline recorded. */
    SCRIPT_CHANGED("script changed"),
    /** The same script, another verdict. */
    VERDICT_CHANGED("verdict changed"),
    /** Recorded into the baseline by this run. */
    RECORDED("recorded");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** The value of {@code baseline} in the JSON summary; null for {@link #NONE}. */
    public String label() {
      return label;
    }
  }

  /**
   * A judgement of one verdict against the baseline.
   *
   * @param change what changed since the baseline, for people (null when nothing did, or no baseline is in use)
   */
  public record Judgement(Status status, String change) {

    /** True when the baseline turns a failing verdict into a pass. */
    public boolean accepts() {
      return status == Status.ACCEPTED || status == Status.RECORDED;
    }
  }

  /**
   * Judges the verdict of a migration.
   *
   * @param file the script's file name
   * @param verdict the verdict as the round-trip gives it
   * @param passed whether the verdict passes without the baseline
   * @param sha256 the script's hash ({@link ScriptHash#of})
   */
  public Judgement judge(String database, String file, String verdict, boolean passed, String sha256) {
    if (!inUse()) {
      return new Judgement(Status.NONE, null);
    }
    if (recording) {
      return new Judgement(Status.RECORDED, null);
    }
    BaselineEntry entry = entries(database).get(file);
    if (entry == null) {
      return new Judgement(Status.NEW, "new since " + shown + ": it has no entry for " + file + " on " + database);
    }
    String at = entry.position().file() + ":" + entry.position().line();
    if (!entry.sha256().equals(sha256)) {
      return new Judgement(Status.SCRIPT_CHANGED, "the script changed since " + at + " accepted '"
          + entry.verdict() + "' for it");
    }
    if (!entry.verdict().equals(verdict)) {
      return new Judgement(Status.VERDICT_CHANGED, "the verdict changed since " + at + ": it was '"
          + entry.verdict() + "'");
    }
    return new Judgement(passed ? Status.UNCHANGED : Status.ACCEPTED, null);
  }
}

package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code roundtrip: all}, {@code roundtrip: {last: N}} or {@code roundtrip: {from: ID, to: ID}}: each migration of
 * the range, in order, is applied, rolled back and applied again, and must leave the schema and data as they were.
 *
 * @param allow the scenario's declared exceptions ({@link Allow#NONE} when it declares none)
 * @param trace whether every up and down is traced ({@code rehearse roundtrip --trace}, docs/locks.md)
 * @param within a time budget for the whole round-trip, or null
 */
public record RoundtripStep(Range range, Allow allow, Duration within, boolean trace, SourcePosition position)
    implements Step {

  /** Not traced. */
  public RoundtripStep(Range range, Allow allow, Duration within, SourcePosition position) {
    this(range, allow, within, false, position);
  }

  public static final String KEYWORD = "roundtrip";

  /** Without a time budget. */
  public RoundtripStep(Range range, Allow allow, SourcePosition position) {
    this(range, allow, null, position);
  }

  public RoundtripStep {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(allow, "allow");
    Objects.requireNonNull(position, "position");
  }

  /** Which migrations a round-trip covers. */
  public sealed interface Range {

    /** Every migration not applied yet, from the current version to head. */
    record All() implements Range {
      @Override
      public String toString() {
        return "all";
      }
    }

    /** The last {@code count} migrations of the repository. */
    record Last(int count) implements Range {
      public Last {
        if (count < 1) {
          throw new IllegalArgumentException("count must be at least 1: " + count);
        }
      }

      @Override
      public String toString() {
        return "last " + count;
      }
    }

    /** From one migration to another, both included. */
    record Between(BigDecimal from, BigDecimal to) implements Range {
      public Between {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.compareTo(to) > 0) {
          throw new IllegalArgumentException("from is after to: " + from + " > " + to);
        }
      }

      @Override
      public String toString() {
        return "from " + from.toPlainString() + " to " + to.toPlainString();
      }
    }

    /**
     * The migrations whose scripts changed ({@code --changed-since}); the ones in between are applied without a
     * round-trip.
     *
     * @param since what they changed since, for people: {@code since origin/main}
     */
    record Changed(SortedSet<BigDecimal> ids, String since) implements Range {
      public Changed {
        ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
        Objects.requireNonNull(since, "since");
      }

      @Override
      public String toString() {
        return "changed " + since;
      }
    }
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + " " + range;
  }
}

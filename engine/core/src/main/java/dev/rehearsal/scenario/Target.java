package dev.rehearsal.scenario;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where an {@code apply} or {@code rollback} goes, or which version an expectation names.
 *
 * <p>Migration ids are MyBatis ids: numbers, compared as numbers.
 */
public sealed interface Target {

  /** Every migration of the repository applied. */
  record Head() implements Target {
    @Override
    public String toString() {
      return "head";
    }
  }

  /** No migration applied. */
  record Base() implements Target {
    @Override
    public String toString() {
      return "base";
    }
  }

  /** Up to and including the migration with this id. */
  record Id(BigDecimal id) implements Target {
    public Id {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
      return id.toPlainString();
    }
  }

  /** A number of applied migrations to undo, counted from the newest. */
  record StepsBack(int steps) implements Target {
    public StepsBack {
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be at least 1: " + steps);
      }
    }

    @Override
    public String toString() {
      return steps + (steps == 1 ? " step" : " steps");
    }
  }

  /** The version the snapshot (or backup, or restore) {@code label} was taken at, as a run finds it. */
  record VersionOf(String label) implements Target {
    public VersionOf {
      Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
      return "the version of " + label;
    }
  }

  static Target head() {
    return new Head();
  }

  static Target base() {
    return new Base();
  }

  static Target id(BigDecimal id) {
    return new Id(id);
  }
}

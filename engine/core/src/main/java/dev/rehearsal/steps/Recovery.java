package dev.rehearsal.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a scenario run's recovery took, part by part, against its objective ({@code rto:}): the restore (its restore
 * steps), the migration (its apply steps, and the first up of each migration of its round-trips) and the rollback
 * (its rollback steps), counted from its first restore (from its first step when it has none).
 *
 * @param backup the first backup file it restored ({@code restore: {file: ...}}), or null
 * @param restore the time of its restore steps, or null when it has none
 * @param migrate the time of its migrations
 * @param rollback the time of its rollback steps, or null when it does not roll back
 * @param migrations each migration's time up and down, in the order first run
 * @param objective the recovery time objective, or null when the scenario has none
 */
public record Recovery(RestoredBackup backup, Duration restore, Duration migrate, Duration rollback,
    List<MigrationTime> migrations, Duration objective) {

  public Recovery {
    Objects.requireNonNull(migrate, "migrate");
    migrations = List.copyOf(migrations);
  }

  /** One migration's times: its up (null when it was not applied) and its undo (null when not rolled back). */
  public record MigrationTime(String id, String file, Duration up, Duration down) {
    public MigrationTime {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(file, "file");
    }
  }

  /** One part and its time. */
  public record Part(String name, Duration time) {}

  /** The parts that happened, in order: restore, migrate, rollback. */
  public List<Part> parts() {
    List<Part> parts = new ArrayList<>();
    if (restore != null) {
      parts.add(new Part("restore", restore));
    }
    parts.add(new Part("migrate", migrate));
    if (rollback != null) {
      parts.add(new Part("rollback", rollback));
    }
    return parts;
  }

  public Duration total() {
    return parts().stream().map(Part::time).reduce(Duration.ZERO, Duration::plus);
  }

  /** Whether the total fits the objective; null without one. */
  public Boolean withinObjective() {
    return objective == null ? null : total().compareTo(objective) <= 0;
  }

  /** The part during which the running total passed the objective, or null when it did not (or there is none). */
  public String exceededIn() {
    if (objective == null) {
      return null;
    }
    Duration sum = Duration.ZERO;
    for (Part part : parts()) {
      sum = sum.plus(part.time());
      if (sum.compareTo(objective) > 0) {
        return part.name();
      }
    }
    return null;
  }

  /** A time as reports show it: {@code 45 ms}, {@code 41.2 s}, {@code 30 min}. */
  public static String show(Duration time) {
    return Budget.show(time);
  }

  /** A part as a sentence names it: {@code the restore}, {@code the migrations}, {@code the rollback}. */
  public static String during(String part) {
    return part.equals("migrate") ? "the migrations" : "the " + part;
  }

  /** {@code restore 1.2 s + migrate 45 ms + rollback 12 ms = 1.3 s}. */
  public String describe() {
    List<String> terms = parts().stream().map(p -> p.name() + " " + Budget.show(p.time())).toList();
    return String.join(" + ", terms) + " = " + Budget.show(total());
  }
}

package dev.rehearsal.migrations;

import dev.rehearsal.scenario.LockMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one script did, statement by statement, when its apply or rollback was traced: each statement's time, the
 * locks it took and the relations it rewrote, and when the script's transaction committed.
 *
 * @param undo whether it ran the undo section (a rollback)
 * @param committedAt when the script's transaction committed, from the start of its first statement; null when it
 *     failed before
 */
public record ScriptTrace(BigDecimal id, String script, boolean undo, List<Statement> statements,
    Duration committedAt) {

  public ScriptTrace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(script, "script");
    statements = List.copyOf(statements);
  }

  /**
   * One statement as MyBatis sent it.
   *
   * @param index 1-based, in the order run
   * @param line the line of the script it starts on
   * @param text its first line, for people
   * @param start from the start of the script's first statement
   * @param took the locks held after it that were not held before it
   * @param rewrote the relations whose storage file it replaced
   * @param untraced why its locks were not read, or null
   */
  public record Statement(int index, int line, String text, Duration start, Duration time, List<Lock> took,
      List<String> rewrote, String untraced) {
    public Statement {
      took = List.copyOf(took);
      rewrote = List.copyOf(rewrote);
    }
  }

  /** A relation lock; {@code kind} is {@code table}, {@code index}, {@code sequence}... */
  public record Lock(String relation, String kind, LockMode mode) {}

  /**
   * The strongest lock a relation got in the script, and for how long it was held: from the start of the
   * statement that took it to the commit.
   *
   * @param held null when the script did not commit
   * @param statement the statement that took it
   * @param rewritten whether any statement of the script rewrote the relation
   */
  public record Hold(String relation, String kind, LockMode mode, Duration held, Statement statement,
      boolean rewritten) {}

  /** One hold per relation locked, in the order they were first locked. */
  public List<Hold> holds() {
    Map<String, Hold> holds = new LinkedHashMap<>();
    for (Statement statement : statements) {
      for (Lock lock : statement.took()) {
        Hold before = holds.get(lock.relation());
        if (before == null || lock.mode().strongerThan(before.mode())) {
          Duration held = committedAt == null ? null : committedAt.minus(statement.start());
          holds.put(lock.relation(), new Hold(lock.relation(), lock.kind(), lock.mode(), held, statement,
              rewritten(lock.relation())));
        }
      }
    }
    return new ArrayList<>(holds.values());
  }

  /** Whether a statement of this script rewrote {@code relation}. */
  public boolean rewritten(String relation) {
    return statements.stream().anyMatch(s -> s.rewrote().contains(relation));
  }
}

package dev.rehearsal.database;

import dev.rehearsal.scenario.ErrorClass;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A driver error as {@code expect_error} sees it: its portable class, as the engine maps it, and the engine's own
 * code, for people.
 *
 * @param errorClass null when no portable class fits
 * @param code e.g. {@code SQLState 23505} or {@code SQLITE_CONSTRAINT_UNIQUE (2067)}
 */
public record ClassifiedError(ErrorClass errorClass, String code) {

  /** A failure that is not a driver error: no class, no code. */
  public static final ClassifiedError NONE = new ClassifiedError(null, "not a database error");

  public ClassifiedError {
    Objects.requireNonNull(code, "code");
  }

  /**
   * The driver error in {@code failure}'s causes, classified by {@code database}; {@link #NONE} when there is none.
   * MyBatis wraps the driver's exception two causes down.
   */
  public static ClassifiedError of(Database database, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        return database.classify(sql);
      }
    }
    return NONE;
  }

  /** For messages: {@code unique_violation (SQLState 23505)}, {@code no class (SQLState 42883)}. */
  public String describe() {
    return (errorClass == null ? "no class" : errorClass.label()) + " (" + code + ")";
  }
}

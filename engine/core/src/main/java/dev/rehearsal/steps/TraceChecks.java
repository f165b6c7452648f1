package dev.rehearsal.steps;

import dev.rehearsal.database.Session;
import dev.rehearsal.database.TableLookup;
import dev.rehearsal.migrations.ScriptTrace;
import dev.rehearsal.scenario.Expectation;
import dev.rehearsal.scenario.LockMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code expect: {locks: ..., rewrites: ...}}: checks on the trace of the latest traced apply or rollback. A failure
 * names the script, the statement, its line, the lock or rewrite, and the time.
 */
final class TraceChecks {

  private final StepContext context;
  private final Session session;

  TraceChecks(StepContext context, Session session) {
    this.context = context;
    this.session = session;
  }

  Check locks(Expectation.Locks expected) {
    String name = expected.describe();
    String wanted = "at most " + expected.atMost().shown();
    Optional<String> unusable = unusable();
    if (unusable.isPresent()) {
      return Check.failed(name, wanted, unusable.get(), "");
    }
    String relation = relation(expected.table());
    LockMode strongest = null;
    for (ScriptTrace script : context.lastTrace().orElseThrow().scripts()) {
      for (ScriptTrace.Statement statement : script.statements()) {
        if (statement.untraced() != null) {
          return Check.failed(name, wanted, "not known", where(script, statement) + " was not traced: "
              + statement.untraced());
        }
        for (ScriptTrace.Lock lock : statement.took()) {
          if (!lock.relation().equalsIgnoreCase(relation)) {
            continue;
          }
          if (lock.mode().strongerThan(expected.atMost())) {
            return Check.failed(name, wanted, lock.mode().shown(), where(script, statement) + "\ntook "
                + lock.mode().shown() + " on " + lock.relation() + " (statement " + seconds(statement.time())
                + held(script, lock.relation()) + ")");
          }
          strongest = strongest == null || lock.mode().strongerThan(strongest) ? lock.mode() : strongest;
        }
      }
    }
    return Check.passed(name, wanted, strongest == null ? "no lock" : strongest.shown());
  }

  Check rewrite(Expectation.Rewrite expected) {
    String name = expected.describe();
    String wanted = expected.present() ? "rewritten" : "not rewritten";
    Optional<String> unusable = unusable();
    if (unusable.isPresent()) {
      return Check.failed(name, wanted, unusable.get(), "");
    }
    String relation = relation(expected.table());
    for (ScriptTrace script : context.lastTrace().orElseThrow().scripts()) {
      for (ScriptTrace.Statement statement : script.statements()) {
        if (statement.untraced() != null && !expected.present()) {
          return Check.failed(name, wanted, "not known", where(script, statement) + " was not traced: "
              + statement.untraced());
        }
        if (statement.rewrote().stream().anyMatch(r -> r.equalsIgnoreCase(relation))) {
          String how = where(script, statement) + "\nrewrote " + relation + " (statement "
              + seconds(statement.time()) + held(script, relation) + ")";
          return expected.present() ? Check.passed(name, wanted, "rewritten by " + how)
              : Check.failed(name, wanted, "rewritten", how);
        }
      }
    }
    return expected.present() ? Check.failed(name, wanted, "not rewritten", "no statement of the traced step "
        + "rewrote " + relation) : Check.passed(name, wanted, "not rewritten");
  }

  /** Why the trace cannot answer: none was taken, or this engine traces times only. */
  private Optional<String> unusable() {
    Optional<StepTrace> trace = context.lastTrace();
    if (trace.isEmpty()) {
      return Optional.of("no traced step ran before this check — add 'trace: true' to the apply or rollback "
          + "it checks");
    }
    if (!trace.get().locks()) {
      return Optional.of(trace.get().note());
    }
    return Optional.empty();
  }

  /** The relation as the trace names it ({@code schema.name}), through the catalog when the table is there. */
  private String relation(String typed) {
    TableLookup found = session.table(typed);
    if (found.relation().isPresent()) {
      return found.found().qualified();
    }
    String lower = typed.toLowerCase(Locale.ROOT);
    return context.lastTrace().orElseThrow().scripts().stream().flatMap(s -> s.statements().stream())
        .flatMap(s -> s.took().stream()).map(ScriptTrace.Lock::relation)
        .filter(r -> r.toLowerCase(Locale.ROOT).endsWith("." + lower)).findFirst().orElse(typed);
  }

  static String where(ScriptTrace script, ScriptTrace.Statement statement) {
    return script.script() + (script.undo() ? " (undo)" : "") + " line " + statement.line() + ", statement "
        + statement.index() + " '" + (statement.text().length() > 40 ? statement.text().substring(0, 37) + "..."
            : statement.text()) + "'";
  }

  private static String held(ScriptTrace script, String relation) {
    return script.holds().stream().filter(h -> h.relation().equalsIgnoreCase(relation) && h.held() != null)
        .findFirst().map(h -> ", " + h.mode().shown() + " held " + seconds(h.held()) + " until commit").orElse("");
  }

  static String seconds(Duration time) {
    return String.format(Locale.ROOT, "%.2f s", time.toNanos() / 1e9);
  }
}

package dev.rehearsal.changes;

import dev.rehearsal.scenario.ApplyStep;
import dev.rehearsal.scenario.ExpectStep;
import dev.rehearsal.scenario.Expectation;
import dev.rehearsal.scenario.FailStep;
import dev.rehearsal.scenario.RollbackStep;
import dev.rehearsal.scenario.RoundtripStep;
import dev.rehearsal.scenario.RoundtripStep.Range;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.SeedStep;
import dev.rehearsal.scenario.Step;
import dev.rehearsal.scenario.Target;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * Which scenarios a change concerns ({@code rehearse run --changed-since}): a scenario whose file changed, that seeds
 * a fixture or compares with a golden file that changed, or that names a changed migration — as the target of an
 * {@code apply}, {@code rollback} or {@code expect: version}, the migration of a {@code fail}, a migration it allows
 * to be irreversible, or one in the range of its {@code roundtrip}.
 */
public final class ChangedScenarios {

  private final ChangedFiles changes;
  private final SortedSet<BigDecimal> migrations;
  private final List<BigDecimal> allIds;
  private final Path projectRoot;
  private final List<String> databases;

  /**
   * @param migrations the ids of the changed migrations ({@link ChangedFiles#migrations})
   * @param allIds every migration id of the repository, in order (for {@code roundtrip: {last: N}})
   * @param databases the configured database names ({@code {database}} in golden file names)
   */
  public ChangedScenarios(ChangedFiles changes, SortedSet<BigDecimal> migrations, List<BigDecimal> allIds,
      Path projectRoot, List<String> databases) {
    this.changes = changes;
    this.migrations = migrations;
    this.allIds = List.copyOf(allIds);
    this.projectRoot = projectRoot;
    this.databases = List.copyOf(databases);
  }

  /** Why the change concerns the scenario read from {@code file}, or null when it does not. */
  public String reason(Path file, Scenario scenario) {
    if (changes.contains(file)) {
      return "changed";
    }
    for (Step step : scenario.steps()) {
      String reason = reason(step);
      if (reason != null) {
        return reason;
      }
    }
    for (BigDecimal id : scenario.allow().irreversible()) {
      if (changed(id)) {
        return "allows " + id.toPlainString() + ", which changed, to be irreversible";
      }
    }
    return null;
  }

  private String reason(Step step) {
    List<BigDecimal> named = new ArrayList<>();
    if (step instanceof ApplyStep apply) {
      named.add(id(apply.to()));
    } else if (step instanceof RollbackStep rollback) {
      named.add(id(rollback.to()));
    } else if (step instanceof FailStep fail) {
      named.add(fail.migration());
    } else if (step instanceof ExpectStep expect) {
      for (Expectation expectation : expect.expectations()) {
        if (expectation instanceof Expectation.Version version) {
          named.add(id(version.version()));
        } else if (expectation instanceof Expectation.Schema schema && schema.matches() != null
            && goldenChanged(schema.matches())) {
          return "compares with " + schema.matches() + ", which changed";
        }
      }
    } else if (step instanceof SeedStep seed) {
      Path fixture = fixture(seed.fixture());
      if (fixture != null && changes.contains(fixture)) {
        return "seeds " + seed.fixture().describe() + ", which changed";
      }
    } else if (step instanceof RoundtripStep roundtrip) {
      BigDecimal covered = migrations.stream().filter(id -> covers(roundtrip.range(), id)).findFirst().orElse(null);
      if (covered != null) {
        return "round-trips " + covered.toPlainString() + ", which changed";
      }
      for (BigDecimal id : roundtrip.allow().irreversible()) {
        named.add(id);
      }
    }
    for (BigDecimal id : named) {
      if (id != null && changed(id)) {
        return "names " + id.toPlainString() + ", which changed";
      }
    }
    return null;
  }

  private boolean changed(BigDecimal id) {
    return migrations.stream().anyMatch(m -> m.compareTo(id) == 0);
  }

  private boolean covers(Range range, BigDecimal id) {
    if (range instanceof Range.Between between) {
      return id.compareTo(between.from()) >= 0 && id.compareTo(between.to()) <= 0;
    }
    if (range instanceof Range.Last last) {
      int from = Math.max(0, allIds.size() - last.count());
      return allIds.subList(from, allIds.size()).stream().anyMatch(i -> i.compareTo(id) == 0);
    }
    if (range instanceof Range.Changed changed) {
      return changed.ids().contains(id);
    }
    return true;
  }

  private boolean goldenChanged(String matches) {
    Set<String> names = new java.util.TreeSet<>();
    if (matches.contains("{database}")) {
      databases.forEach(d -> names.add(matches.replace("{database}", d)));
    } else {
      names.add(matches);
    }
    return names.stream().anyMatch(name -> changes.contains(projectRoot.resolve(name)));
  }

  private static Path fixture(SeedStep.Fixture fixture) {
    if (fixture instanceof SeedStep.SqlFile sql) {
      return sql.file();
    }
    if (fixture instanceof SeedStep.CsvFile csv) {
      return csv.file();
    }
    return fixture instanceof SeedStep.Rows rows ? rows.file() : null;
  }

  private static BigDecimal id(Target target) {
    return target instanceof Target.Id id ? id.id() : null;
  }
}

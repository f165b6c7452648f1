package dev.rehearsal.junit;

import dev.rehearsal.report.RunTimes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;

/**
 * Puts the discovered tree in plan order (by scenario file, then by database in configuration order) and keeps
 * the runs the settings select: name, then tags, then the shard ({@link ShardDeal}).
 */
final class RunSelection {

  private RunSelection() {}

  static void apply(RehearsalEngineDescriptor engine, EngineSettings settings) {
    engine.orderChildren(children -> {
      List<TestDescriptor> sorted = new ArrayList<>(children);
      sorted.sort(Comparator.comparing(d -> ((ScenarioFileDescriptor) d).scenario().file()));
      return sorted;
    });
    for (TestDescriptor file : engine.getChildren()) {
      file.orderChildren(children -> {
        List<TestDescriptor> sorted = new ArrayList<>(children);
        sorted.sort(Comparator.comparingInt(d -> settings.databases().indexOf(((ScenarioRunDescriptor) d).database())));
        return sorted;
      });
    }
    List<ScenarioRunDescriptor> selected = new ArrayList<>();
    for (ScenarioRunDescriptor run : engine.runs()) {
      if (named(run, settings) && tagged(run, settings)) {
        selected.add(run);
      } else {
        run.removeFromHierarchy();
      }
    }
    if (settings.shard() != null) {
      List<ScenarioRunDescriptor> mine = ShardDeal.of(selected, settings.shard(), r -> r.database().name(),
          settings.databases().stream().map(d -> d.name()).toList(), times(settings, selected), RunSelection::key);
      selected.stream().filter(run -> !mine.contains(run)).forEach(TestDescriptor::removeFromHierarchy);
    }
    for (TestDescriptor file : List.copyOf(engine.getChildren())) {
      if (file.getChildren().isEmpty()) {
        file.removeFromHierarchy();
      }
    }
  }

  /** The times of an earlier run of the whole selection in the reports directory, if there is one. */
  private static java.util.Map<String, Long> times(EngineSettings settings, List<ScenarioRunDescriptor> runs) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    runs.forEach(run -> keys.add(key(run)));
    return RunTimes.newest(settings.project().config().reportsDir(), keys);
  }

  private static String key(ScenarioRunDescriptor run) {
    return RunTimes.key(run.scenario().file(), run.database().name());
  }

  private static boolean named(ScenarioRunDescriptor run, EngineSettings settings) {
    return settings.name() == null || settings.name().matcher(run.scenario().name()).find()
        || settings.name().matcher(run.scenario().file()).find();
  }

  private static boolean tagged(ScenarioRunDescriptor run, EngineSettings settings) {
    return settings.tags() == null || settings.tags().apply(run).included();
  }
}

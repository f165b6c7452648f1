package dev.rehearsal.junit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.engine.TestDescriptor;

/**
 * Puts the discovered tree in plan order (by scenario file, then by database in configuration order) and keeps
 * the runs the settings select: name, then tags, then the shard, which deals the remaining runs round-robin.
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
    int position = 0;
    for (ScenarioRunDescriptor run : engine.runs()) {
      boolean selected = named(run, settings) && tagged(run, settings);
      if (selected && settings.shard() != null) {
        selected = settings.shard().includes(position++);
      }
      if (!selected) {
        run.removeFromHierarchy();
      }
    }
    for (TestDescriptor file : List.copyOf(engine.getChildren())) {
      if (file.getChildren().isEmpty()) {
        file.removeFromHierarchy();
      }
    }
  }

  private static boolean named(ScenarioRunDescriptor run, EngineSettings settings) {
    return settings.name() == null || settings.name().matcher(run.scenario().name()).find()
        || settings.name().matcher(run.scenario().file()).find();
  }

  private static boolean tagged(ScenarioRunDescriptor run, EngineSettings settings) {
    return settings.tags() == null || settings.tags().apply(run).included();
  }
}

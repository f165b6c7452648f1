package dev.rehearsal.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Execution events rendered one line each, so tests can assert a whole run at once. */
final class Outcomes {

  private Outcomes() {}

  /**
   * Every finished or skipped test and container below the engine, in order, as
   * {@code scenarios/x.yaml [sqlite] step 2: expect rows: SUCCESSFUL}.
   */
  static List<String> of(EngineExecutionResults results) {
    List<String> lines = new ArrayList<>();
    for (Event event : results.allEvents().list()) {
      TestDescriptor descriptor = event.getTestDescriptor();
      if (descriptor.isRoot()) {
        continue;
      }
      if (event.getType() == EventType.FINISHED) {
        lines.add(name(descriptor) + ": "
            + event.getPayload(TestExecutionResult.class).orElseThrow().getStatus());
      } else if (event.getType() == EventType.SKIPPED) {
        lines.add(name(descriptor) + ": SKIPPED (" + event.getPayload(String.class).orElse("") + ")");
      }
    }
    return lines;
  }

  /** {@code scenarios/x.yaml}, {@code scenarios/x.yaml [sqlite]} or {@code scenarios/x.yaml [sqlite] step 1: ...}. */
  static String name(TestDescriptor descriptor) {
    UniqueId id = descriptor.getUniqueId();
    StringBuilder name = new StringBuilder();
    for (UniqueId.Segment segment : id.getSegments()) {
      switch (segment.getType()) {
        case ScenarioFileDescriptor.SEGMENT -> name.append(segment.getValue());
        case ScenarioRunDescriptor.SEGMENT -> name.append(" [").append(segment.getValue()).append(']');
        case StepDescriptor.SEGMENT -> name.append(' ').append(descriptor.getDisplayName());
        default -> {
        }
      }
    }
    return name.toString();
  }

  /** The failure of the finished event of the test named {@code name}. */
  static Throwable failureOf(EngineExecutionResults results, String name) {
    for (Event event : results.allEvents().finished().list()) {
      if (name(event.getTestDescriptor()).equals(name)) {
        Optional<Throwable> failure = event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable();
        return failure.orElseThrow(() -> new AssertionError(name + " did not fail"));
      }
    }
    throw new AssertionError("no finished event of " + name);
  }
}

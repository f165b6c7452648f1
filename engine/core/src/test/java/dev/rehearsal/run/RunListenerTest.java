package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunListenerTest {

  @Test
  void everyListenerHearsAnEventEvenWhenOneBeforeItThrows() {
    List<String> heard = new ArrayList<>();
    UncheckedIOException diskFull = new UncheckedIOException(new java.io.IOException("no space left on device"));
    IllegalStateException second = new IllegalStateException("second");
    RunListener all = RunListener.all(List.of(
        listener(heard, "json", diskFull),
        listener(heard, "terminal", null),
        listener(heard, "junit-xml", second),
        listener(heard, "markdown", null)));

    RuntimeException thrown = assertThrows(RuntimeException.class, () -> all.runStarted("run-1", List.of()));

    assertEquals(List.of("json", "terminal", "junit-xml", "markdown"), heard);
    assertSame(diskFull, thrown);
    assertEquals(List.of(second), List.of(thrown.getSuppressed()));
  }

  private static RunListener listener(List<String> heard, String name, RuntimeException failure) {
    return new RunListener() {
      @Override
      public void runStarted(String runId, List<ScenarioRun> plan) {
        heard.add(name);
        if (failure != null) {
          throw failure;
        }
      }
    };
  }
}

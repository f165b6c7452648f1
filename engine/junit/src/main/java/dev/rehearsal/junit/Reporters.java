package dev.rehearsal.junit;

import dev.rehearsal.report.JsonSummaryWriter;
import dev.rehearsal.report.JunitXmlWriter;
import dev.rehearsal.report.MarkdownWriter;
import dev.rehearsal.report.TerminalReporter;
import dev.rehearsal.run.RunListener;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The reports the engine writes itself, as its settings ask, after the ones its creator passed in. */
final class Reporters {

  private Reporters() {}

  static RunListener of(EngineSettings settings, RunListener given) {
    List<RunListener> listeners = new ArrayList<>();
    listeners.add(given);
    if (settings.terminal()) {
      // System.out is looked up now, not at class loading: Surefire and IDEs replace it per test run.
      listeners.add(new TerminalReporter(new PrintWriter(System.out, true, StandardCharsets.UTF_8), false));
    }
    if (settings.json()) {
      listeners.add(new JsonSummaryWriter(settings.project().config().reportsDir(),
          JsonSummaryWriter.jobIdFrom(System.getenv()), settings.project().config().projectRoot()));
    }
    if (settings.junitXml() != null) {
      listeners.add(new JunitXmlWriter(settings.junitXml()));
    }
    if (settings.markdown() != null) {
      listeners.add(new MarkdownWriter(settings.markdown(), false));
    }
    return RunListener.all(listeners);
  }
}

package dev.rehearsal.report;

import dev.rehearsal.io.AtomicFile;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunResult;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.Status;
import dev.rehearsal.run.StepResult;
import dev.rehearsal.steps.Check;
import dev.rehearsal.text.Shown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a JUnit XML report at the end of a run, in the format Surefire writes and CI servers read: a
 * {@code <testsuite>} per scenario run (named {@code file [database]}), a {@code <testcase>} per step, with
 * {@code <failure>} for failed checks (expected, actual, diff), {@code <error>} for a step that could not run and
 * {@code <skipped>} for the steps after it. A scenario run that could not start has one {@code start} test case
 * in error.
 */
public final class JunitXmlWriter implements RunListener {

  private final Path file;

  public JunitXmlWriter(Path file) {
    this.file = file;
  }

  @Override
  public void runFinished(RunResult result) {
    try {
      AtomicFile.write(file, stream -> {
        try {
          XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
          write(result, xml);
          xml.close();
        } catch (XMLStreamException e) {
          throw new IOException(e.getMessage(), e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JUnit XML report " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(RunResult result, XMLStreamWriter xml) throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    attribute(xml, "name", "rehearsal " + result.runId());
    attribute(xml, "tests", String.valueOf(result.scenarios().stream().mapToInt(JunitXmlWriter::tests).sum()));
    attribute(xml, "failures", String.valueOf(result.scenarios().stream()
        .mapToLong(s -> count(s, Status.FAILED)).sum()));
    attribute(xml, "errors", String.valueOf(result.scenarios().stream().mapToLong(JunitXmlWriter::errors).sum()));
    attribute(xml, "skipped", String.valueOf(result.scenarios().stream()
        .mapToLong(s -> count(s, Status.SKIPPED)).sum()));
    attribute(xml, "time", seconds(result.time()));
    attribute(xml, "timestamp", result.startedAt().toString());
    for (ScenarioResult scenario : result.scenarios()) {
      suite(scenario, xml);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
  }

  private static void suite(ScenarioResult scenario, XMLStreamWriter xml) throws XMLStreamException {
    String name = scenario.run().scenario().file() + " [" + scenario.run().database().name() + "]";
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", name);
    attribute(xml, "tests", String.valueOf(tests(scenario)));
    attribute(xml, "failures", String.valueOf(count(scenario, Status.FAILED)));
    attribute(xml, "errors", String.valueOf(errors(scenario)));
    attribute(xml, "skipped", String.valueOf(count(scenario, Status.SKIPPED)));
    attribute(xml, "time", seconds(scenario.time()));
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "scenario", scenario.run().scenario().name());
    property(xml, "database", scenario.run().database().name());
    property(xml, "database_kind", scenario.run().database().kind());
    if (scenario.databaseVersion() != null) {
      property(xml, "database_version", scenario.databaseVersion());
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    if (scenario.error() != null) {
      testcase(xml, name, "start", Duration.ZERO);
      element(xml, "error", firstLine(scenario.error()), "error", scenario.error());
      endTestcase(xml);
    }
    for (StepResult step : scenario.steps()) {
      testcase(xml, name, "step " + step.index() + ": " + step.step().describe(), step.time());
      switch (step.status()) {
        case FAILED -> element(xml, "failure", step.failedChecks().stream().map(Check::name)
            .collect(Collectors.joining("; ")), "check", failures(step));
        case ERROR -> element(xml, "error", firstLine(step.error()), "error", step.step().position() + ": "
            + step.error());
        case SKIPPED -> {
          xml.writeCharacters("\n      ");
          xml.writeEmptyElement("skipped");
          attribute(xml, "message", step.detail());
        }
        default -> {
        }
      }
      endTestcase(xml);
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static String failures(StepResult step) {
    StringBuilder text = new StringBuilder(step.step().position().toString()).append(": ")
        .append(step.step().describe());
    for (Check check : step.failedChecks()) {
      text.append("\nfailed: ").append(check.name())
          .append("\n  expected: ").append(check.expected())
          .append("\n  actual:   ").append(check.actual());
      if (!check.diff().isEmpty()) {
        text.append('\n').append(check.diff().indent(2).stripTrailing());
      }
    }
    return text.toString();
  }

  private static void testcase(XMLStreamWriter xml, String suite, String name, Duration time)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    attribute(xml, "name", name);
    attribute(xml, "classname", suite);
    attribute(xml, "time", seconds(time));
  }

  private static void endTestcase(XMLStreamWriter xml) throws XMLStreamException {
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String message, String type, String text)
      throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeStartElement(name);
    attribute(xml, "message", message);
    attribute(xml, "type", type);
    characters(xml, text);
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("property");
    attribute(xml, "name", name);
    attribute(xml, "value", value);
  }

  /** Every value through {@link Shown#xml}: a NUL or ESC from a name or a value never breaks the document. */
  private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, Shown.xml(value));
  }

  private static void characters(XMLStreamWriter xml, String text) throws XMLStreamException {
    xml.writeCharacters(Shown.xml(text));
  }

  private static int tests(ScenarioResult scenario) {
    return scenario.steps().size() + (scenario.error() != null ? 1 : 0);
  }

  private static long errors(ScenarioResult scenario) {
    return count(scenario, Status.ERROR) + (scenario.error() != null ? 1 : 0);
  }

  private static long count(ScenarioResult scenario, Status status) {
    return scenario.steps().stream().filter(s -> s.status() == status).count();
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  private static String seconds(Duration time) {
    return String.format(Locale.ROOT, "%.3f", time.toNanos() / 1e9);
  }
}

package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Nothing that comes from input reaches the terminal, the JUnit XML or the Markdown unescaped: a scenario name,
 * a file name, a query value and a SQL error message that hold newlines, ESC sequences, a NUL and HTML cannot forge
 * a {@code PASS} line or a totals line, change the terminal, break the XML or inject HTML.
 */
class ForgedOutputTest {

  /** A newline, then a line that looks like Rehearsal's own, a totals line, a title change and a screen clear. */
  private static final String FORGERY = "\\nPASS   sqlite   scenarios/ok.yaml  1 ms  all good\\n"
      + "1 scenario run: 1 passed, 0 failed, 0 error in 0.1 s\\e]0;pwned\\a\\e[2J";

  @TempDir
  Path dir;

  @Test
  void controlCharactersFromInputAreEscapedInEveryReport() throws Exception {
    TempProject project = new TempProject(dir);
    project.scenario("hostile.yaml", """
        scenario: "fails <img src=x onerror=alert(1)>%s"
        steps:
          - apply: head
          - expect:
              query: {sql: "SELECT char(27) || '[31mred' || char(10) || 'PASS   sqlite   x' || char(0)", equals: 1}
          - sql: "SELECT * FROM \\"no\\nPASS\\e[2J\\";"
        """.formatted(FORGERY));
    Files.writeString(Files.createDirectories(dir.resolve("scenarios")).resolve("named\nPASS   sqlite   x.yaml"),
        "scenario: a file name with a newline\nsteps:\n  - expect: {rows: {authors: 1}}\n");

    Cli cli = Cli.run("run", "--project-dir", project.dir(), "--junit-xml", dir.resolve("out/junit.xml").toString(),
        "--markdown", dir.resolve("out/summary.md").toString());

    assertEquals(1, cli.exitCode(), cli.err());
    String terminal = cli.out() + cli.err();
    assertTrue(terminal.chars().noneMatch(c -> c < 0x20 && c != '\n'), "a raw control character reached the "
        + "terminal:\n" + terminal);
    List<String> lines = terminal.lines().toList();
    assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("PASS")).toList(), terminal);
    assertEquals(1, lines.stream().filter(l -> l.matches("\\d+ scenario runs?: .*")).count(), terminal);
    assertTrue(terminal.contains("ERROR  sqlite   scenarios/hostile.yaml  "), terminal);
    assertTrue(terminal.contains("fails <img src=x onerror=alert(1)>\\nPASS   sqlite   scenarios/ok.yaml  1 ms  all "
        + "good\\n1 scenario run: 1 passed, 0 failed, 0 error in 0.1 s\\u001b]0;pwned\\u0007\\u001b[2J"), terminal);
    assertTrue(terminal.contains("FAIL   sqlite   scenarios/named\\nPASS   sqlite   x.yaml  "), terminal);

    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("out/junit.xml").toFile());
    NodeList properties = junit.getElementsByTagName("property");
    String name = null;
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      if (property.getAttribute("name").equals("scenario") && property.getAttribute("value").startsWith("fails")) {
        name = property.getAttribute("value");
      }
    }
    // An XML parser turns a line break in an attribute into a space.
    assertEquals("fails <img src=x onerror=alert(1)> PASS   sqlite   scenarios/ok.yaml  1 ms  all good "
        + "1 scenario run: 1 passed, 0 failed, 0 error in 0.1 s\\u001b]0;pwned\\u0007\\u001b[2J", name);
    String failure = junit.getElementsByTagName("failure").item(0).getTextContent();
    assertTrue(failure.contains("\\u001b[31mred\nPASS   sqlite   x\\u0000"), failure);

    String markdown = Files.readString(dir.resolve("out/summary.md"));
    assertFalse(markdown.contains("<img"), markdown);
    assertTrue(markdown.contains("fails &lt;img src=x onerror=alert(1)&gt; PASS"), markdown);
    assertTrue(markdown.chars().noneMatch(c -> c < 0x20 && c != '\n'), markdown);

    // The JSON summary keeps the text as it was (JSON escapes it): it is data, not display.
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("reports/hostile--sqlite.json").toFile());
    assertTrue(summary.get("name").asText().endsWith("0.1 s\u001b]0;pwned\u0007\u001b[2J"), summary.toString());
    try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
      assertEquals(2, files.filter(p -> p.getFileName().toString().endsWith("--sqlite.json")).count());
    }
  }

  @Test
  void validateShowsAScriptFileNameEscaped() {
    TempProject project = new TempProject(dir);
    String name = "20240103000000_forged\u001b]0;pwned\u0007\u001b[2J.sql";
    project.write("migrations/scripts/" + name, """
        -- // forged
        CREATE TABLE y (a int);

        -- //@UNDO
        DROP TABLE x;
        """);

    Cli cli = Cli.run("validate", "--project-dir", project.dir());

    assertEquals(1, cli.exitCode(), cli.err());
    String terminal = cli.out() + cli.err();
    assertTrue(terminal.chars().noneMatch(c -> c < 0x20 && c != '\n'), "a raw control character reached the "
        + "terminal:\n" + terminal.replace('\r', '~'));
    assertTrue(terminal.contains("migrations/scripts/20240103000000_forged\\u001b]0;pwned\\u0007\\u001b[2J.sql:"),
        terminal);
  }
}

package dev.rehearsal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JUnit XML and Markdown reports of one run of the test library: a scenario that passes, one whose check
 * fails, and one whose step breaks (so the step after it is skipped).
 */
class ReportWritersTest {

  private static final Path LIBRARY = Path.of("src/test/resources/library");

  @TempDir
  Path dir;

  private RunResult result;

  @BeforeEach
  void run() throws IOException {
    write("a-passes.yaml", "scenario: Passes\nsteps:\n  - apply: head\n");
    write("b-fails.yaml", """
        scenario: Expects a third author
        steps:
          - apply: head
          - seed: authors.yaml
          - expect: {rows: {authors: 3}, tables: {present: [books]}}
        """);
    write("c-breaks.yaml", """
        scenario: Breaks on | a missing table
        steps:
          - apply: head
          - sql: "SELECT * FROM nowhere;"
          - rollback: base
        """);
    Project project = Project.open(LIBRARY, Map.of());
    var scenarios = project.readScenarios(project.scenarioFiles(List.of(dir.resolve("scenarios"))));
    List<RunListener> writers = new ArrayList<>(List.of(new JunitXmlWriter(dir.resolve("out/junit.xml")),
        new MarkdownWriter(dir.resolve("out/summary.md"), false)));
    result = project.run("run-1", scenarios, project.databases(List.of()), false, RunListener.all(writers));
  }

  private void write(String name, String text) throws IOException {
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(dir.resolve("scenarios").resolve(name), text);
  }

  private static List<Element> children(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static String attributes(Element element, String... names) {
    List<String> values = new ArrayList<>();
    for (String name : names) {
      values.add(name + "=" + element.getAttribute(name));
    }
    return String.join(" ", values);
  }

  @Test
  void junitXmlHasATestSuitePerScenarioRunAndATestCasePerStep() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("out/junit.xml").toFile());
    Element root = xml.getDocumentElement();
    String shown = dir.resolve("scenarios").toAbsolutePath().normalize().toString();

    assertEquals("testsuites", root.getTagName());
    assertEquals("name=rehearsal run-1 tests=7 failures=1 errors=1 skipped=1",
        attributes(root, "name", "tests", "failures", "errors", "skipped"));
    List<String> suites = children(root, "testsuite").stream().map(s -> attributes(s, "name", "tests", "failures",
        "errors", "skipped").replace(shown, "DIR")).toList();
    assertEquals(List.of("name=DIR/a-passes.yaml [sqlite] tests=1 failures=0 errors=0 skipped=0",
        "name=DIR/b-fails.yaml [sqlite] tests=3 failures=1 errors=0 skipped=0",
        "name=DIR/c-breaks.yaml [sqlite] tests=3 failures=0 errors=1 skipped=1"), suites);
    List<String> cases = children(root, "testcase").stream().map(c -> c.getAttribute("name") + ": "
        + (c.getFirstChild() == null ? "passed" : ((Element) c.getElementsByTagName("*").item(0)).getTagName()))
        .toList();
    assertEquals(List.of("step 1: apply head: passed", "step 1: apply head: passed",
        "step 2: seed fixtures/authors.yaml: passed", "step 3: expect rows, tables: failure",
        "step 1: apply head: passed", "step 2: sql SELECT * FROM nowhere;: error", "step 3: rollback base: skipped"),
        cases);
    Element failure = children(root, "failure").get(0);
    assertEquals("rows authors = 3", failure.getAttribute("message"));
    assertEquals("DIR/b-fails.yaml:5:5: expect rows, tables\nfailed: rows authors = 3\n  expected: 3 rows\n"
        + "  actual:   2 rows", failure.getTextContent().replace(shown, "DIR"));
    Element error = children(root, "error").get(0);
    assertTrue(error.getAttribute("message").contains("no such table: nowhere"), error.getAttribute("message"));
    assertEquals("skipped after an error", children(root, "skipped").get(0).getAttribute("message"));
    Element properties = children(children(root, "testsuite").get(0), "properties").get(0);
    assertEquals(List.of("scenario=Passes", "database=sqlite", "database_kind=sqlite"),
        children(properties, "property").stream().limit(3).map(p -> p.getAttribute("name") + "="
            + p.getAttribute("value")).toList());
  }

  @Test
  void markdownHasTheTableThenEachFailedCheckAndErrorInAFencedBlock() throws IOException {
    String shown = dir.resolve("scenarios").toAbsolutePath().normalize().toString();
    String markdown = Files.readString(dir.resolve("out/summary.md")).replace(shown, "DIR")
        .replaceAll("\\d+ ms", "N ms").replaceAll("\\d+\\.\\d s", "N ms");

    assertEquals("""
        ## ❌ Rehearsal: 1 passed, 1 failed, 1 error

        3 scenario runs in N ms, run `run-1`.

        | scenario | database | status | time |
        | --- | --- | --- | --- |
        | `DIR/a-passes.yaml` Passes | sqlite | ✅ passed | N ms |
        | `DIR/b-fails.yaml` Expects a third author | sqlite | ❌ failed | N ms |
        | `DIR/c-breaks.yaml` Breaks on \\| a missing table | sqlite | 💥 error | N ms |

        ### ❌ `DIR/b-fails.yaml` on sqlite, step 3 (line 5): rows authors = 3

        ```
        expected: 3 rows
        actual:   2 rows
        ```

        ### 💥 `DIR/c-breaks.yaml` on sqlite, step 2 (line 4)

        ```
        sql at DIR/c-breaks.yaml:4:5 failed: [SQLITE_ERROR] SQL error or missing database (no such table: nowhere)
          statement: SELECT * FROM nowhere
        ```
        """, markdown);
  }

  @Test
  void markdownInANameOrFileNameStaysText() {
    RunSummary run = new RunSummary("j", "r", "t", "failed", false, 1, new RunSummary.Counts(0, 1, 0, 0), 5,
        List.of(), List.of(new RunSummary.Entry("a|b`c.yaml", "x ![p](https://evil.example/p.png) [click](https://evil"
            + ".example) *b* _i_ `c` ~s~", "sqlite", "failed", 5, "s--sqlite.json")));

    String markdown = MarkdownReport.render(run, Map.of());

    assertTrue(markdown.contains("| `a\\|b'c.yaml` x \\!\\[p\\](https://evil.example/p.png) \\[click\\]"
        + "(https://evil.example) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~ | sqlite |"), markdown);
    assertFalse(markdown.contains("!["), "an image GitHub would load: " + markdown);
  }

  @Test
  void aFenceIsLongerThanAnyBackticksInTheText() {
    RunSummary run = new RunSummary("j", "r", "t", "failed", false, 1, new RunSummary.Counts(0, 0, 1, 0), 5,
        List.of(), List.of(new RunSummary.Entry("s.yaml", "S", "sqlite", "error", 5, "s--sqlite.json")));
    ScenarioSummary summary = new ScenarioSummary("j", "r", "s.yaml", "S", "sqlite", "sqlite", null, "error", false,
        List.of(), new ScenarioSummary.StepError(1, 3, "near ``` in the script"), 5, List.of(), null);

    String markdown = MarkdownReport.render(run, Map.of("s--sqlite.json", summary));

    assertTrue(markdown.endsWith("### 💥 `s.yaml` on sqlite, step 1 (line 3)\n\n````\nnear ``` in the script\n"
        + "````\n"), markdown);
  }
}

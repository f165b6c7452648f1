package dev.rehearsal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.run.ScenarioRun;
import dev.rehearsal.run.Status;
import dev.rehearsal.scenario.ReadContext;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pieces every round-trip line is made of: the live line that never wraps, names shortened in the middle, text
 * from input made printable, and GitHub workflow commands escaped as GitHub requires.
 */
class TerminalLinesTest {

  @TempDir
  Path dir;

  private String resultLine(String file, String name, int width) throws IOException {
    Path scenarioFile = Files.writeString(dir.resolve(file), "scenario: " + name + "\nsteps:\n  - apply: head\n");
    Scenario scenario = new ScenarioReader(new ReadContext(dir, dir, new TreeSet<>(), List.of("sqlite")))
        .read(scenarioFile);
    ScenarioRun run = new ScenarioRun(1, scenario, new SqliteDatabase("sqlite"));
    StringWriter out = new StringWriter();
    new TerminalReporter(new LiveLine(new PrintWriter(out), true, width), true).scenarioFinished(
        new ScenarioResult(run, null, Status.PASSED, List.of(), Duration.ofMillis(855), null, false, null));
    return out.toString().replace(LiveLine.CLEAR_LINE, "").strip();
  }

  @Test
  void onATerminalAResultLineFitsTheWidthWithTheNameCutOrLeftOutForALongFileName() throws IOException {
    String cut = resultLine("short-name.yaml", "Normalising colliding addresses is blocked by the unique index", 80);
    String noName = resultLine("case-colliding-emails-block-normalisation-addresses.yaml", "Any name", 80);

    assertEquals(80, cut.length(), cut);
    assertTrue(cut.endsWith("Normalising colliding addresses is b..."), cut);
    assertTrue(noName.endsWith("ms") && noName.length() <= 80, noName);
  }

  @Test
  void theLiveLineIsCutOneColumnShortOfTheWidthSoItNeverWraps() {
    StringWriter out = new StringWriter();
    LiveLine line = new LiveLine(new PrintWriter(out), true, 40);

    line.show("123/527 on postgres, 1:02 elapsed, about 2:10 left");
    line.println("a verdict");

    assertEquals("\r\u001b[K123/527 on postgres, 1:02 elapsed, a...\r\u001b[Ka verdict" + System.lineSeparator(),
        out.toString());
  }

  @Test
  void withoutATerminalNothingIsDrawnAndLinesComeAsTheyAre() {
    StringWriter out = new StringWriter();
    LiveLine line = new LiveLine(new PrintWriter(out), false, 80);

    line.show("1/3 on sqlite, 0:00 elapsed");
    line.println("a verdict");

    assertEquals("a verdict" + System.lineSeparator(), out.toString());
  }

  @Test
  void theWidthComesFromColumnsAndIsAtLeast40() {
    assertEquals(120, LiveLine.width(Map.of("COLUMNS", "120")));
    assertEquals(80, LiveLine.width(Map.of()));
    assertEquals(80, LiveLine.width(Map.of("COLUMNS", "12")));
    assertEquals(80, LiveLine.width(Map.of("COLUMNS", "wide")));
  }

  @Test
  void controlCharactersFromInputAreShownNotSent() {
    StringWriter out = new StringWriter();
    new LiveLine(new PrintWriter(out), false, 80).println("20240101000000_\u001b[31mred\u0007.sql");

    assertEquals("20240101000000_\\u001b[31mred\\u0007.sql" + System.lineSeparator(), out.toString());
  }

  @Test
  void namesAreShortenedInTheMiddleKeepingTheMigrationId() {
    String name = "20240602000000_require_account_nicknames.sql";

    assertEquals("20240602000000_...knames.sql", Fit.middle(name, 28, 15));
    assertEquals("2024060200000...icknames.sql", Fit.middle(name, 28));
    assertEquals("short.sql   ", Fit.middle("short.sql", 12, 0));
    assertEquals("down fa...", Fit.end("down fails because", 10));
  }

  @Test
  void aLongVerdictIsWrappedAtSpacesAndAWordLongerThanTheColumnIsCut() {
    assertEquals(List.of("up fails after the", "round-trip of 20200101000180"),
        Fit.wrap("up fails after the round-trip of 20200101000180", 28));
    assertEquals(List.of("lossy rollback:", "a_very_long_table_name_t..."),
        Fit.wrap("lossy rollback: a_very_long_table_name_that_goes_on.column", 27));
    assertEquals(List.of("passed"), Fit.wrap("passed", 28));
  }

  @Test
  void annotationDataAndPropertiesAreEscapedAsGithubRequires() {
    assertEquals("100%25 lost%0D%0Aline 2: a, b", GithubAnnotations.data("100% lost\r\nline 2: a, b"));
    assertEquals("rehearse roundtrip on sqlite%3A lossy rollback%3A a.b%2C a.c",
        GithubAnnotations.property("rehearse roundtrip on sqlite: lossy rollback: a.b, a.c"));
    assertEquals("x%1B[31my", GithubAnnotations.data("x\u001b[31my"));
  }
}

package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code rehearse roundtrip} shows while it runs and where reviewers look: the live line on a terminal (never
 * wider than the terminal, never left behind), GitHub annotations on the script line a failure concerns, and each
 * verdict as data in the JSON summary.
 */
class RoundtripProgressTest {

  private static final String CLEAR = "\r\u001b[K";

  @TempDir
  Path dir;

  /**
   * The screen a terminal shows after {@code output}: a carriage return and erase start the line again, a line end
   * keeps it. Also returns, through {@code drawn}, every text the live line was drawn with.
   */
  private static List<String> screen(String output, List<String> drawn) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < output.length(); i++) {
      if (output.startsWith(CLEAR, i)) {
        if (!current.isEmpty()) {
          drawn.add(current.toString());
        }
        current.setLength(0);
        i += CLEAR.length() - 1;
      } else if (output.charAt(i) == '\n') {
        lines.add(current.toString());
        current.setLength(0);
      } else {
        current.append(output.charAt(i));
      }
    }
    return lines;
  }

  @Test
  void onANarrowTerminalTheLiveLineFitsAndLeavesNoCopyBehind() {
    Path project = CorpusProject.create(dir, "not-null-empty-undo");
    Map<String, String> environment = LegacyRepositoryTest.environment();
    environment.put("COLUMNS", "50");

    Cli cli = Cli.run(environment, true, "roundtrip", "--project-dir", project.toString());

    List<String> drawn = new ArrayList<>();
    List<String> lines = screen(cli.out(), drawn);
    assertEquals(List.of(
        "Round-trips on sqlite: 3 migrations",
        "  20240601000000_...counts.sql  passed",
        "  20240602000000_...knames.sql  no undo section",
        "  20240603000000_...ts_bio.sql  passed",
        "3 migrations on sqlite: 2 passed,",
        "  1 no undo section"), lines.subList(1, 7));
    assertEquals(List.of(), lines.stream().filter(l -> l.contains(" elapsed")).toList());
    assertTrue(drawn.stream().anyMatch(t -> t.matches("1/3 on sqlite, 0:0\\d elapsed, about 0:0\\d left")),
        drawn.toString());
    assertTrue(drawn.contains("0/3 on sqlite, 0:00 elapsed"), drawn.toString());
    assertEquals(List.of(), drawn.stream().filter(t -> t.length() > 49).toList());
  }

  @Test
  void underGithubActionsAFailingVerdictIsAnAnnotationOnTheLineItConcerns() {
    Path project = CorpusProject.create(dir, "up-fails");
    Map<String, String> environment = LegacyRepositoryTest.environment();
    environment.put("GITHUB_ACTIONS", "true");
    environment.put("GITHUB_WORKSPACE", project.getParent().toString());

    Cli cli = Cli.run(environment, false, "roundtrip", "--project-dir", project.toString());

    String file = project.getFileName() + "/migrations/scripts/20240602000000_add_accounts_email.sql";
    assertEquals(List.of("::error file=" + file + ",line=3,title=rehearse roundtrip on sqlite%3A up fails::"
        + "roundtrip 20240602000000_add_accounts_email.sql: up fails%0Aapply 20240602000000 failed in "
        + "20240602000000_add_accounts_email.sql: [SQLITE_ERROR] SQL error or missing database (duplicate column "
        + "name: email)%0A  statement: ALTER TABLE accounts ADD COLUMN email VARCHAR(255)%0A%0AIt fails on a "
        + "database migrated straight to 20240601000000_create_accounts.sql as well: apply 20240602000000 failed in "
        + "20240602000000_add_accounts_email.sql: [SQLITE_ERROR] SQL error or missing database (duplicate column "
        + "name: email)%0A  statement: ALTER TABLE accounts ADD COLUMN email VARCHAR(255)"),
        cli.out().lines().filter(l -> l.startsWith("::error ")).toList().subList(0, 1));
  }

  @Test
  void aFailedUndoIsAnnotatedOnTheUndoMarker() {
    Path project = CorpusProject.create(dir, "undo-fails");
    Map<String, String> environment = LegacyRepositoryTest.environment();
    environment.put("GITHUB_ACTIONS", "true");

    Cli cli = Cli.run(environment, false, "roundtrip", "--project-dir", project.toString());

    List<String> annotations = cli.out().lines().filter(l -> l.startsWith("::error ")).toList();
    assertEquals(1, annotations.size(), cli.out());
    // Without GITHUB_WORKSPACE, the path is relative to the project.
    assertTrue(annotations.get(0).startsWith("::error file=migrations/scripts/"
        + "20240602000000_rename_accounts_nickname.sql,line=4,title=rehearse roundtrip on sqlite%3A down fails::"),
        annotations.get(0));
  }

  @Test
  void theJsonSummaryListsEveryVerdictAsData() throws IOException {
    Path project = CorpusProject.create(dir, "undo-fails");

    Cli cli = Cli.run(LegacyRepositoryTest.environment(), false, "roundtrip", "--project-dir", project.toString());

    assertEquals(1, cli.exitCode());
    JsonNode step = new ObjectMapper().readTree(project.resolve("reports/rehearse-roundtrip--sqlite.json").toFile())
        .get("steps").get(0);
    assertEquals("[{\"verdict\":\"passed\",\"count\":2},{\"verdict\":\"down fails\",\"count\":1}]",
        step.get("verdicts").toString());
    JsonNode down = step.get("migrations").get(1);
    List<String> keys = new ArrayList<>();
    down.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("id", "file", "kind", "verdict", "passed", "baseline", "line", "time_ms", "diff"), keys);
    assertEquals("20240602000000", down.get("id").asText());
    assertEquals("migrations/scripts/20240602000000_rename_accounts_nickname.sql", down.get("file").asText());
    assertEquals("down fails", down.get("kind").asText());
    assertEquals("down fails", down.get("verdict").asText());
    assertEquals(false, down.get("passed").asBoolean());
    assertTrue(down.get("baseline").isNull());
    assertEquals(4, down.get("line").asInt());
    assertTrue(down.get("time_ms").asLong() > 0);
    assertTrue(down.get("diff").asText().startsWith("rollback 1 step failed in "
        + "20240602000000_rename_accounts_nickname.sql: "), down.get("diff").asText());
  }
}

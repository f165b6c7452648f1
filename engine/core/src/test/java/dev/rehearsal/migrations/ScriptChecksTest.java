package dev.rehearsal.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The static checks of migration scripts, on the scripts in {@code src/test/resources/roundtrip/static} (broken on
 * purpose) and on the sample repository (which must have no finding). Each finding is asserted whole, as
 * {@code file:line: message}.
 */
class ScriptChecksTest {

  private static final Path CORPUS = Path.of("src/test/resources/roundtrip").toAbsolutePath();
  private static final Path SAMPLE = Path.of("../../migrations").toAbsolutePath().normalize();

  private static MigrationRepository corpus(String environment) {
    return MigrationRepository.open(CORPUS, List.of(CORPUS.resolve("base"), CORPUS.resolve("static")), environment);
  }

  private static String findings(MigrationRepository repository) {
    return ScriptChecks.check(repository).stream().map(f -> f.render(f.migration().fileName()))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void findsEveryTrapWithItsLineAndWhatToDo(String environment) {
    assertEquals("""
        20240603000000_near_miss_marker.sql:4: '-- @UNDO' is not an undo marker, so MyBatis runs the lines below it \
        on the way up — write the marker as '-- //@UNDO'
        20240603000000_near_miss_marker.sql:5: no undo section: a rollback would only delete the changelog row — \
        add a '-- //@UNDO' line and, below it, the statements that reverse the up section
        20240604000000_statement_traps.sql:2: 2 statements on one line: MyBatis sends them in one call, and SQLite \
        runs only the first — put each statement on a line of its own
        20240604000000_statement_traps.sql:3: text after the last ';' on this line is dropped by MyBatis: 'COMMIT' \
        — end the line at the ';', or move the text to a line of its own
        20240605000000_add_account_audit.sql:8: the undo section drops table accounts, which the up section did \
        not create — a rollback would remove what existed before this migration; undo only what the up section did
        20240605000000_add_account_audit.sql:9: the undo section drops column accounts.nickname, which the up \
        section did not create — a rollback would remove what existed before this migration; undo only what the \
        up section did
        20240605000000_add_account_audit.sql:10: the undo section drops index ix_accounts_email, which the up \
        section did not create — a rollback would remove what existed before this migration; undo only what the \
        up section did
        20240606000000_add_accounts_locale.sql:2: no undo section: a rollback would only delete the changelog row \
        — add a '-- //@UNDO' line and, below it, the statements that reverse the up section
        20240607000000_add_accounts_timezone.sql:4: '-- //@UNDO' is the last line and has no line end, so MyBatis \
        does not take it for the undo marker — end the file with a line end
        20240607000000_add_accounts_timezone.sql:4: no undo section: a rollback would only delete the changelog \
        row — add a '-- //@UNDO' line and, below it, the statements that reverse the up section
        """, findings(corpus(environment)));
  }

  @Test
  void anEmptyUndoSectionIsFoundAtItsMarker() {
    MigrationRepository repository = MigrationRepository.open(CORPUS,
        List.of(CORPUS.resolve("base"), CORPUS.resolve("not-null-empty-undo")), "sqlite");

    List<ScriptFinding> findings = ScriptChecks.check(repository);

    assertEquals(List.of(new ScriptFinding(repository.migrations().get(1), 14, ScriptFinding.Kind.EMPTY_UNDO,
        "the undo section is empty: a rollback would only delete the changelog row — write the statements that "
            + "reverse the up section below this line")), findings);
    assertEquals(true, findings.get(0).noUndo());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void theSampleRepositoryHasNoFinding(String environment) {
    MigrationRepository repository = MigrationRepository.open(SAMPLE, List.of(SAMPLE.resolve("scripts")),
        environment);

    assertEquals(List.of(), ScriptChecks.check(repository));
  }

  @Test
  void guardedLinesAreCheckedAsTheEnvironmentRunsThem() {
    // 20250112000000 creates and drops its GIN index on PostgreSQL only: on SQLite both sections are comments, which
    // is not an empty undo, because the up section has nothing to undo either.
    MigrationRepository sqlite = MigrationRepository.open(SAMPLE, List.of(SAMPLE.resolve("scripts")), "sqlite");
    Migration search = sqlite.migrations().stream().filter(m -> m.fileName().startsWith("20250112000000_"))
        .findFirst().orElseThrow();

    assertEquals("", sqlite.section(search, false).strip().lines().filter(l -> !l.startsWith("--"))
        .collect(Collectors.joining()));
    assertEquals(List.of(), ScriptChecks.check(sqlite, search));
  }

  @Test
  void statementsInQuotesOrBeforeACommentAreOneStatement() {
    assertEquals(1, ScriptStatements.statementsOn("INSERT INTO t VALUES ('a;b')", ";"));
    assertEquals(1, ScriptStatements.statementsOn("DELETE FROM t; -- gone", ";"));
    assertEquals(1, ScriptStatements.statementsOn("SELECT 1;   ", ";"));
    assertEquals(3, ScriptStatements.statementsOn("SELECT 1; SELECT 2;SELECT 3", ";"));
  }
}

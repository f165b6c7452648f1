package dev.rehearsal.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import dev.rehearsal.scenario.Target;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrator on a real SQLite scratch database, with scripts written into a temporary repository. */
class MigratorTest {

  private static final String USERS = "20240101000000";
  private static final String POSTS = "20240102000000";
  private static final String NAME = "20240103000000";

  @TempDir
  Path repo;

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private ScratchDatabase db;

  @BeforeEach
  void createDatabaseAndEnvironment() throws IOException {
    db = sqlite.createScratch("t");
    environment("changelog=CHANGELOG");
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private void environment(String... lines) throws IOException {
    Files.createDirectories(repo.resolve("environments"));
    Files.writeString(repo.resolve("environments/sqlite.properties"), String.join("\n", lines) + "\n");
  }

  private Path script(String dir, String fileName, String up, String undo) throws IOException {
    Path file = repo.resolve(dir).resolve(fileName);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "-- // " + fileName + "\n" + up + "\n\n-- //@UNDO\n" + undo + "\n");
    return file;
  }

  private void blogScripts() throws IOException {
    script("scripts", USERS + "_create_users.sql",
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL UNIQUE);", "DROP TABLE users;");
    script("scripts", POSTS + "_create_posts.sql",
        "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));", "DROP TABLE posts;");
    script("scripts", NAME + "_add_users_name.sql",
        "ALTER TABLE users ADD COLUMN name VARCHAR(100);", "ALTER TABLE users DROP COLUMN name;");
  }

  private MigrationRepository open(String... dirs) {
    return MigrationRepository.open(repo, Arrays.stream(dirs).map(repo::resolve).toList(), "sqlite");
  }

  private Migrator migrator(String... dirs) {
    return new Migrator(open(dirs.length == 0 ? new String[] {"scripts"} : dirs), db);
  }

  private static Target id(String id) {
    return new Target.Id(new BigDecimal(id));
  }

  private static BigDecimal v(String id) {
    return new BigDecimal(id);
  }

  private static List<BigDecimal> ids(String... ids) {
    return Arrays.stream(ids).map(BigDecimal::new).toList();
  }

  private List<String> tables() {
    try (Session session = new Session(sqlite, db)) {
      return session.relations().relations().stream().map(r -> r.name()).sorted().toList();
    }
  }

  private List<String> columns(String table) {
    try (Session session = new Session(sqlite, db)) {
      return session.columns(session.table(table).found());
    }
  }

  private List<BigDecimal> changelogIds(Migrator migrator) {
    return migrator.changelog().stream().map(AppliedMigration::id).toList();
  }

  @Test
  void appliesUpToAnIdThenToHead() throws IOException {
    blogScripts();
    Migrator migrator = migrator();

    assertEquals(new Outcome(null, v(POSTS), ids(USERS, POSTS)), migrator.apply(id(POSTS)));
    assertEquals(List.of("CHANGELOG", "posts", "users"), tables());
    assertEquals(List.of("id", "email"), columns("users"));
    assertEquals(new Outcome(v(POSTS), v(NAME), ids(NAME)), migrator.apply(new Target.Head()));
    assertEquals(List.of("id", "email", "name"), columns("users"));
    assertEquals(v(NAME), migrator.version());
    assertEquals(List.of(), migrator.pending());
  }

  @Test
  void applyingToHeadWhenNothingIsPendingDoesNothing() throws IOException {
    blogScripts();
    Migrator migrator = migrator();
    migrator.apply(new Target.Head());

    assertEquals(new Outcome(v(NAME), v(NAME), List.of()), migrator.apply(new Target.Head()));
  }

  @Test
  void rollsBackByStepsToAnIdAndToBase() throws IOException {
    blogScripts();
    Migrator migrator = migrator();
    migrator.apply(new Target.Head());

    assertEquals(new Outcome(v(NAME), v(POSTS), ids(NAME)), migrator.rollback(new Target.StepsBack(1)));
    assertEquals(List.of("id", "email"), columns("users"));
    assertEquals(new Outcome(v(POSTS), v(USERS), ids(POSTS)), migrator.rollback(id(USERS)));
    assertEquals(List.of("CHANGELOG", "users"), tables());
    assertEquals(new Outcome(v(USERS), null, ids(USERS)), migrator.rollback(new Target.Base()));
    assertEquals(List.of("CHANGELOG"), tables());
    assertNull(migrator.version());
    assertEquals(3, migrator.pending().size());
  }

  @Test
  void rollingBackSeveralStepsUndoesNewestFirst() throws IOException {
    blogScripts();
    Migrator migrator = migrator();
    migrator.apply(new Target.Head());

    assertEquals(new Outcome(v(NAME), v(USERS), ids(NAME, POSTS)), migrator.rollback(new Target.StepsBack(2)));
  }

  @Test
  void createsTheChangelogWhenNoScriptDoes() throws IOException {
    blogScripts();
    Migrator migrator = migrator();

    migrator.apply(id(USERS));

    assertEquals(List.of("ID", "APPLIED_AT", "DESCRIPTION"), columns("CHANGELOG"));
    List<AppliedMigration> changelog = migrator.changelog();
    assertEquals(1, changelog.size());
    assertEquals(v(USERS), changelog.get(0).id());
    assertEquals("create users", changelog.get(0).description());
    assertNotNull(changelog.get(0).appliedAt());
  }

  @Test
  void usesAChangelogScriptKeptInASeparateScriptsDirectory() throws IOException {
    blogScripts();
    // As "migrate init" writes it; Rehearsal must not create the table first.
    script("changelog", "20231231000000_create_changelog.sql", """
        CREATE TABLE ${changelog} (
        ID NUMERIC(20,0) NOT NULL,
        APPLIED_AT VARCHAR(25) NOT NULL,
        DESCRIPTION VARCHAR(255) NOT NULL
        );""", "DROP TABLE ${changelog};");
    Migrator migrator = migrator("changelog", "scripts");

    assertEquals(new Outcome(null, v(NAME), ids("20231231000000", USERS, POSTS, NAME)),
        migrator.apply(new Target.Head()));
    assertEquals("create changelog", migrator.changelog().get(0).description());

    assertEquals(new Outcome(v(NAME), null, ids(NAME, POSTS, USERS, "20231231000000")),
        migrator.rollback(new Target.Base()));
    assertEquals(List.of(), tables());
    assertEquals(List.of(), migrator.changelog());
  }

  @Test
  void substitutesVariablesFromTheEnvironment() throws IOException {
    environment("changelog=CHANGELOG", "people=persons", "pk=INTEGER PRIMARY KEY");
    script("scripts", "1_create_people.sql", "CREATE TABLE ${people} (id ${pk}, name TEXT);", "DROP TABLE ${people};");
    Migrator migrator = migrator();

    migrator.apply(new Target.Head());
    assertEquals(List.of("CHANGELOG", "persons"), tables());
    migrator.rollback(new Target.Base());
    assertEquals(List.of("CHANGELOG"), tables());
  }

  @Test
  void aFailingScriptNamesFileStatementAndDriverMessageAndIsRolledBackAlone() throws IOException {
    blogScripts();
    script("scripts", "20240104000000_add_nicknames.sql", """
        ALTER TABLE users ADD COLUMN nickname VARCHAR(50);
        INSERT INTO missing_table (id) VALUES (1);""", "ALTER TABLE users DROP COLUMN nickname;");
    Migrator migrator = migrator();

    MigrationFailedException e = assertThrows(MigrationFailedException.class,
        () -> migrator.apply(new Target.Head()));

    assertEquals("""
        apply head failed in 20240104000000_add_nicknames.sql: [SQLITE_ERROR] SQL error or missing database \
        (no such table: missing_table)
          statement: INSERT INTO missing_table (id) VALUES (1)""".replace("\n", System.lineSeparator()),
        e.getMessage());
    assertEquals("20240104000000_add_nicknames.sql", e.script());
    // The scripts before it stay applied; its own first statement was rolled back with it.
    assertEquals(ids(USERS, POSTS, NAME), changelogIds(migrator));
    assertEquals(List.of("id", "email", "name"), columns("users"));
  }

  @Test
  void aSimulatedFailureCountsStatementsAsMyBatisSplitsThemWithFullLineDelimiters() throws IOException {
    environment("changelog=CHANGELOG", "full_line_delimiter=true");
    // With full_line_delimiter, a ';' inside a line does not end a statement: these are two statements, not four.
    script("scripts", USERS + "_create_users.sql", """
        CREATE TABLE users (id INTEGER PRIMARY KEY, note VARCHAR(20) DEFAULT 'a;b');
        CREATE TABLE audit (id INTEGER PRIMARY KEY, what VARCHAR(20) DEFAULT 'x;y')
        ;
        INSERT INTO users (id) VALUES (1)
        ;""", "DROP TABLE audit\n;\nDROP TABLE users\n;");
    Migrator migrator = migrator();

    MigrationFailedException second = assertThrows(MigrationFailedException.class,
        () -> migrator.apply(new Target.Head(), new InjectedFailure(new BigDecimal(USERS), false, 2,
            InjectedFailure.Mode.ERROR)));
    MigrationFailedException third = assertThrows(MigrationFailedException.class,
        () -> migrator.apply(new Target.Head(), new InjectedFailure(new BigDecimal(USERS), false, 3,
            InjectedFailure.Mode.ERROR)));

    assertTrue(second.getMessage().contains("simulated failure at statement 2 of " + USERS + "_create_users.sql"),
        second.getMessage());
    assertEquals("apply head: the simulated failure at statement 3 of the up section of " + USERS
        + " cannot happen: that section has 2 statements", third.getMessage());
    // The failure could not be placed, so the script ran unchanged (and is reported as an error all the same).
    assertEquals(ids(USERS), changelogIds(migrator));
  }

  @Test
  void aFailingUndoStopsTheRollbackAtItsScript() throws IOException {
    blogScripts();
    script("scripts", "20240104000000_create_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);",
        "DROP TABLE tags;");
    script("scripts", "20240105000000_broken_undo.sql", "CREATE TABLE drafts (id INTEGER PRIMARY KEY);",
        "DROP TABLE drafts;\nDROP TABLE no_such_table;");
    Migrator migrator = migrator();
    migrator.apply(new Target.Head());

    MigrationFailedException e = assertThrows(MigrationFailedException.class,
        () -> migrator.rollback(id(POSTS)));

    assertEquals("""
        rollback 20240102000000 failed in 20240105000000_broken_undo.sql: [SQLITE_ERROR] SQL error or missing \
        database (no such table: no_such_table)
          statement: DROP TABLE no_such_table""".replace("\n", System.lineSeparator()), e.getMessage());
    assertEquals(ids(USERS, POSTS, NAME, "20240104000000", "20240105000000"), changelogIds(migrator));
    assertEquals(List.of("CHANGELOG", "drafts", "posts", "tags", "users"), tables());
  }

  @Test
  void reportsAnUnappliedScriptOlderThanTheAppliedVersion() throws IOException {
    script("scripts", USERS + "_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
        "DROP TABLE users;");
    script("scripts", NAME + "_create_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);", "DROP TABLE tags;");
    migrator().apply(new Target.Head());
    // A script merged from a branch after a newer one was applied: MyBatis would skip it.
    script("scripts", POSTS + "_create_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);",
        "DROP TABLE posts;");
    Migrator migrator = migrator();

    MigrationFailedException up = assertThrows(MigrationFailedException.class,
        () -> migrator.apply(new Target.Head()));
    MigrationFailedException down = assertThrows(MigrationFailedException.class,
        () -> migrator.rollback(new Target.Base()));

    assertEquals("apply head: 20240102000000_create_posts.sql is not applied but is older than the applied version "
        + "20240103000000; MyBatis would skip it silently — give it a newer id", up.getMessage());
    assertEquals("rollback base: 20240102000000_create_posts.sql is not applied but is older than the applied "
        + "version 20240103000000; MyBatis would skip it silently — give it a newer id", down.getMessage());
    assertEquals(List.of("CHANGELOG", "tags", "users"), tables());
  }

  @Test
  void reportsAChangelogRowWithoutAScript() throws IOException {
    blogScripts();
    migrator().apply(new Target.Head());
    Files.delete(repo.resolve("scripts/" + NAME + "_add_users_name.sql"));
    Migrator migrator = migrator();

    MigrationFailedException e = assertThrows(MigrationFailedException.class,
        () -> migrator.rollback(new Target.StepsBack(1)));

    assertEquals("rollback 1 step: the changelog lists migration 20240103000000 (add users name) but no script has "
        + "that id", e.getMessage());
    assertEquals(ids(USERS, POSTS, NAME), changelogIds(migrator));
  }

  @Test
  void applyingToAnOlderIdSaysToRollBack() throws IOException {
    blogScripts();
    Migrator migrator = migrator();
    migrator.apply(new Target.Head());

    MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.apply(id(USERS)));

    assertEquals("cannot apply 20240101000000: the database is already at 20240103000000, which is newer — use "
        + "rollback to go back", e.getMessage());
    assertEquals(v(NAME), migrator.version());
  }

  @Test
  void applyRefusesTargetsOnlyARollbackCanReach() throws IOException {
    blogScripts();
    Migrator migrator = migrator();

    IllegalArgumentException base = assertThrows(IllegalArgumentException.class,
        () -> migrator.apply(new Target.Base()));
    IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
        () -> migrator.apply(new Target.StepsBack(1)));

    assertEquals("an apply cannot go to base", base.getMessage());
    assertEquals("an apply cannot go to 1 step", steps.getMessage());
    assertEquals(List.of(), tables());
  }

  @Test
  void rollingBackToAnUnappliedIdSaysToApply() throws IOException {
    blogScripts();
    Migrator migrator = migrator();
    migrator.apply(id(USERS));

    MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator.rollback(id(NAME)));

    assertEquals("cannot roll back to 20240103000000: it is not applied (the database is at 20240101000000) — use "
        + "apply to go forward", e.getMessage());
  }

  @Test
  void rollingBackMoreStepsThanAppliedIsRefused() throws IOException {
    blogScripts();
    Migrator migrator = migrator();
    migrator.apply(id(POSTS));

    MigrationFailedException e = assertThrows(MigrationFailedException.class,
        () -> migrator.rollback(new Target.StepsBack(5)));

    assertEquals("cannot roll back 5 steps: only 2 migrations are applied", e.getMessage());
    assertEquals(v(POSTS), migrator.version());
  }

  @Test
  void listsScriptsOfEveryDirectoryOrderedByNumericId() throws IOException {
    script("scripts", "10_ten.sql", "SELECT 1;", "SELECT 1;");
    script("scripts", "9_nine.sql", "SELECT 1;", "SELECT 1;");
    script("changelog", "1_create_changelog.sql", "SELECT 1;", "SELECT 1;");

    MigrationRepository repository = open("changelog", "scripts");

    assertEquals(ids("1", "9", "10"), repository.migrations().stream().map(Migration::id).toList());
    assertEquals(List.of("create changelog", "nine", "ten"),
        repository.migrations().stream().map(Migration::description).toList());
    assertEquals(new TreeSet<>(ids("1", "9", "10")), repository.ids());
  }

  @Test
  void aScriptNameWithoutNumericIdIsARepositoryError() throws IOException {
    Path file = script("scripts", "create_users.sql", "SELECT 1;", "SELECT 1;");

    RepositoryException e = assertThrows(RepositoryException.class, () -> open("scripts"));

    assertEquals("script " + file + " is not named <id>_<description>.sql — MyBatis takes the number before the "
        + "first _ as the migration id", e.getMessage());
  }

  @Test
  void twoScriptsWithTheSameIdAreARepositoryError() throws IOException {
    Path first = script("changelog", "20240101000000_create_changelog.sql", "SELECT 1;", "SELECT 1;");
    Path second = script("scripts", "20240101000000_create_users.sql", "SELECT 1;", "SELECT 1;");

    RepositoryException e = assertThrows(RepositoryException.class, () -> open("changelog", "scripts"));

    assertEquals("two scripts have id 20240101000000: " + first + " and " + second
        + " — give each migration its own id", e.getMessage());
  }

  @Test
  void aMissingScriptsDirectoryIsARepositoryError() {
    RepositoryException e = assertThrows(RepositoryException.class, () -> open("scripts"));

    assertEquals("scripts directory " + repo.resolve("scripts") + " not found — check paths.scripts in "
        + "rehearsal.yaml", e.getMessage());
  }

  @Test
  void aMissingEnvironmentFileIsARepositoryError() throws IOException {
    Files.createDirectories(repo.resolve("scripts"));

    RepositoryException e = assertThrows(RepositoryException.class,
        () -> MigrationRepository.open(repo, List.of(repo.resolve("scripts")), "postgres"));

    assertEquals("environment file " + repo.resolve("environments/postgres.properties") + " not found — create it "
        + "(see docs/migrations.md); it names the changelog table and supplies ${variables}", e.getMessage());
  }

  @Test
  void autoCommitIsRefusedBecauseMyBatisCannotRunIt() throws IOException {
    environment("changelog=CHANGELOG", "auto_commit=true");
    Files.createDirectories(repo.resolve("scripts"));

    RepositoryException e = assertThrows(RepositoryException.class, () -> open("scripts"));

    assertEquals(repo.resolve("environments/sqlite.properties") + " sets auto_commit=true, which MyBatis Migrations "
        + "3.5.0 cannot run (its changelog code always commits): remove it. Statements such as CREATE INDEX "
        + "CONCURRENTLY cannot run through MyBatis.", e.getMessage());
  }
}

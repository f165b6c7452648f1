package dev.rehearsal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.TableFingerprint;
import dev.rehearsal.database.TableFingerprint.ColumnFingerprint;
import dev.rehearsal.database.sqlite.SqliteDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Schema snapshots and data fingerprints read from real SQLite files, asserted as the canonical text a reviewer reads. */
class SqliteSnapshotTest {

  private static final String CHANGELOG = "CHANGELOG";

  private final SqliteDatabase sqlite = new SqliteDatabase("sqlite");
  private final List<ScratchDatabase> scratches = new ArrayList<>();

  @AfterEach
  void dropScratches() {
    scratches.forEach(ScratchDatabase::close);
  }

  /** A new database holding what {@code statements} create. */
  private ScratchDatabase database(String... statements) {
    ScratchDatabase scratch = sqlite.createScratch("snapshot");
    scratches.add(scratch);
    execute(scratch, statements);
    return scratch;
  }

  private static void execute(ScratchDatabase scratch, String... statements) {
    try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private SchemaSnapshot schema(ScratchDatabase scratch) {
    try (Session session = new Session(sqlite, scratch)) {
      return Snapshots.schema(session, CHANGELOG);
    }
  }

  private DataSnapshot data(ScratchDatabase scratch) {
    try (Session session = new Session(sqlite, scratch)) {
      return Snapshots.data(session, CHANGELOG, List.of());
    }
  }

  private static final String CHANGELOG_TABLE = "CREATE TABLE CHANGELOG (ID NUMERIC(20,0) NOT NULL PRIMARY KEY, "
      + "APPLIED_AT VARCHAR(25) NOT NULL, DESCRIPTION VARCHAR(255) NOT NULL)";
  private static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
      + "nickname TEXT DEFAULT 'anon', CONSTRAINT uq_users_email UNIQUE (email))";
  private static final String POSTS = """
      CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        status VARCHAR(20) NOT NULL DEFAULT 'draft',
        pinned INTEGER NOT NULL DEFAULT 0,
        CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT ck_posts_status CHECK (status IN ('draft', 'published'))
      )""";
  private static final String POSTS_REORDERED = """
      CREATE TABLE posts (
        pinned INTEGER NOT NULL DEFAULT 0,
        status VARCHAR(20) NOT NULL DEFAULT 'draft',
        title TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        id INTEGER PRIMARY KEY,
        CONSTRAINT ck_posts_status CHECK (status IN ('draft', 'published')),
        CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT
      )""";
  private static final String[] INDEXES_VIEW_TRIGGER = {
      "CREATE UNIQUE INDEX ux_posts_user_title ON posts (user_id, title)",
      "CREATE INDEX ix_posts_pinned ON posts (user_id) WHERE pinned = 1",
      "CREATE VIEW published_posts AS SELECT id, title FROM posts WHERE status = 'published'",
      "CREATE TRIGGER tr_users_nickname AFTER INSERT ON users BEGIN UPDATE users SET nickname = lower(email) "
          + "WHERE id = NEW.id AND nickname IS NULL; END"};

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void everyKindOfFactIsOneSortedLineAndTheChangelogIsLeftOut() {
    ScratchDatabase db = database(concat(new String[] {CHANGELOG_TABLE, USERS, POSTS}, INDEXES_VIEW_TRIGGER));

    assertEquals("""
        table posts
        table users
        column posts.id: integer, NOT NULL, no default
        column posts.pinned: integer, NOT NULL, default 0
        column posts.status: varchar(20), NOT NULL, default 'draft'
        column posts.title: text, NOT NULL, no default
        column posts.user_id: integer, NOT NULL, no default
        column users.email: varchar(100), NOT NULL, no default
        column users.id: integer, NOT NULL, no default
        column users.nickname: text, nullable, default 'anon'
        primary key posts: (id)
        primary key users: (id)
        unique users (email)
        foreign key posts(user_id) -> users(id): on delete cascade, on update restrict
        check posts.ck_posts_status: (status IN ('draft', 'published'))
        index ix_posts_pinned on posts: (user_id), not unique, btree, where pinned = 1
        index ux_posts_user_title on posts: (user_id, title), unique, btree
        view published_posts: CREATE VIEW published_posts AS SELECT id, title FROM posts WHERE status = 'published'
        trigger tr_users_nickname on users: CREATE TRIGGER tr_users_nickname AFTER INSERT ON users BEGIN UPDATE \
        users SET nickname = lower(email) WHERE id = NEW.id AND nickname IS NULL; END
        """, schema(db).text());
  }

  @Test
  void onlyTheRowidPrimaryKeyIsNotNullTheOthersAcceptNull() {
    ScratchDatabase db = database("CREATE TABLE a (id INTEGER PRIMARY KEY)", "CREATE TABLE b (id INT PRIMARY KEY)",
        "CREATE TABLE c (code TEXT PRIMARY KEY)", "CREATE TABLE d (id INTEGER PRIMARY KEY, x INT) WITHOUT ROWID",
        "CREATE TABLE e (id INTEGER, n INTEGER, PRIMARY KEY (id, n))");

    assertEquals("""
        table a
        table b
        table c
        table d
        table e
        column a.id: integer, NOT NULL, no default
        column b.id: int, nullable, no default
        column c.code: text, nullable, no default
        column d.id: integer, NOT NULL, no default
        column d.x: int, nullable, no default
        column e.id: integer, nullable, no default
        column e.n: integer, nullable, no default
        primary key a: (id)
        primary key b: (id)
        primary key c: (code)
        primary key d: (id)
        primary key e: (id, n)
        """, schema(db).text());
  }

  @Test
  void anUnnamedCheckIsNamedByItsTableAndExpression() {
    ScratchDatabase db = database("CREATE TABLE comments (body TEXT NOT NULL CHECK (length(trim(body)) > 0))");

    assertEquals("""
        table comments
        column comments.body: text, NOT NULL, no default
        check comments (length(trim(body)) > 0): (length(trim(body)) > 0)
        """, schema(db).text());
  }

  @Test
  void aPartialIndexWhosePredicateHasParenthesesKeepsColumnsAndPredicateApart() {
    ScratchDatabase db = database("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, status TEXT)",
        "CREATE INDEX ix_posts_live ON posts (user_id) WHERE (status <> 'draft')",
        "CREATE INDEX ix_posts_listed ON posts(user_id, status) WHERE status IN ('a', 'b')",
        "CREATE INDEX ix_posts_lower ON posts (lower(status))");

    List<String> indexes = schema(db).text().lines().filter(l -> l.startsWith("index ")).toList();

    assertEquals(List.of(
        "index ix_posts_listed on posts: (user_id, status), not unique, btree, where status IN ('a', 'b')",
        "index ix_posts_live on posts: (user_id), not unique, btree, where (status <> 'draft')",
        "index ix_posts_lower on posts: (lower(status)), not unique, btree"), indexes);
  }

  @Test
  void theSameSchemaBuiltInAnotherOrderGivesTheSameText() {
    ScratchDatabase inOrder = database(concat(new String[] {USERS, POSTS}, INDEXES_VIEW_TRIGGER));
    List<String> reversed = new ArrayList<>(List.of(INDEXES_VIEW_TRIGGER));
    java.util.Collections.reverse(reversed);
    reversed.add(0, POSTS_REORDERED);
    reversed.add(0, USERS);
    ScratchDatabase otherOrder = database(reversed.toArray(String[]::new));

    assertEquals(schema(inOrder).text(), schema(otherOrder).text());
    assertEquals(schema(inOrder).hash(), schema(otherOrder).hash());
    assertEquals(List.of("id", "user_id", "title", "status", "pinned"), columnsInTableOrder(inOrder));
    assertEquals(List.of("pinned", "status", "title", "user_id", "id"), columnsInTableOrder(otherOrder));
  }

  private List<String> columnsInTableOrder(ScratchDatabase db) {
    try (Session session = new Session(sqlite, db)) {
      return session.columns(session.table("posts").found());
    }
  }

  @Test
  void theCanonicalTextReadsBackAsTheSameSnapshot() {
    ScratchDatabase db = database(concat(new String[] {USERS, POSTS}, INDEXES_VIEW_TRIGGER));
    SchemaSnapshot snapshot = schema(db);

    SchemaSnapshot parsed = SchemaSnapshot.parse("# a golden file\n\n" + snapshot.text());

    assertEquals(snapshot.text(), parsed.text());
    assertEquals(snapshot.facts().stream().map(f -> f.key()).toList(),
        parsed.facts().stream().map(f -> f.key()).toList());
  }

  private static final String ACCOUNTS = "CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT, "
      + "balance NUMERIC(10,2), note TEXT)";

  @Test
  void theSameRowsInsertedInAnotherOrderHaveTheSameFingerprint() {
    ScratchDatabase first = database(CHANGELOG_TABLE, ACCOUNTS,
        "INSERT INTO accounts VALUES (1, 'ada@example.com', 10.5, NULL)",
        "INSERT INTO accounts VALUES (2, 'grace@example.com', 0, 'vip')",
        "INSERT INTO accounts VALUES (3, NULL, 7, NULL)");
    ScratchDatabase second = database(ACCOUNTS,
        "INSERT INTO accounts VALUES (3, NULL, 7, NULL)",
        "INSERT INTO accounts VALUES (1, 'ada@example.com', 10.5, NULL)",
        "INSERT INTO accounts VALUES (2, 'grace@example.com', 0, 'vip')");

    DataSnapshot a = data(first);
    DataSnapshot b = data(second);

    assertEquals(List.of("accounts"), List.copyOf(a.tables().keySet()));
    assertEquals(a, b);
    assertEquals(3, a.tables().get("accounts").rows());
  }

  @Test
  void oneChangedValueChangesTheTableAndThatColumnOnly() {
    ScratchDatabase first = database(ACCOUNTS,
        "INSERT INTO accounts VALUES (1, 'ada@example.com', 10.5, NULL)",
        "INSERT INTO accounts VALUES (2, 'grace@example.com', 0, 'vip')");
    ScratchDatabase second = database(ACCOUNTS,
        "INSERT INTO accounts VALUES (1, 'ada@example.com', 10.5, NULL)",
        "INSERT INTO accounts VALUES (2, 'Grace@example.com', 0, 'vip')");

    TableFingerprint a = data(first).tables().get("accounts");
    TableFingerprint b = data(second).tables().get("accounts");

    assertEquals(a.rows(), b.rows());
    assertNotEquals(a.hash(), b.hash());
    assertNotEquals(a.columns().get("email"), b.columns().get("email"));
    assertEquals(a.columns().get("email").nonNull(), b.columns().get("email").nonNull());
    for (String unchanged : List.of("balance", "id", "note")) {
      assertEquals(a.columns().get(unchanged), b.columns().get(unchanged), unchanged);
    }
  }

  @Test
  void eachColumnCountsItsNonNullValues() {
    ScratchDatabase db = database(ACCOUNTS,
        "INSERT INTO accounts VALUES (1, 'ada@example.com', 10.5, NULL)",
        "INSERT INTO accounts VALUES (2, 'grace@example.com', NULL, NULL)",
        "INSERT INTO accounts VALUES (3, NULL, NULL, 'vip')");

    Map<String, ColumnFingerprint> columns = data(db).tables().get("accounts").columns();

    assertEquals(List.of("balance", "email", "id", "note"), List.copyOf(columns.keySet()));
    assertEquals(List.of(1L, 2L, 3L, 1L), columns.values().stream().map(ColumnFingerprint::nonNull).toList());
  }

  @Test
  void keptColumnValuesAreSortedAndNullIsWrittenOut() {
    ScratchDatabase db = database(ACCOUNTS,
        "INSERT INTO accounts VALUES (1, 'grace@example.com', NULL, NULL)",
        "INSERT INTO accounts VALUES (2, NULL, NULL, NULL)",
        "INSERT INTO accounts VALUES (3, 'ada@example.com', NULL, NULL)");

    DataSnapshot snapshot;
    try (Session session = new Session(sqlite, db)) {
      snapshot = Snapshots.data(session, CHANGELOG, List.of("Accounts.Email", "gone.column"));
    }

    assertEquals(Map.of("accounts.email", List.of("ada@example.com", "grace@example.com", "null"),
        "gone.column", List.of()), snapshot.values());
  }
}

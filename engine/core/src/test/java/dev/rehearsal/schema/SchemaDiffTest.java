package dev.rehearsal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a reviewer reads when two schemas differ: one sentence per difference, then the unified diff. */
class SchemaDiffTest {

  private final SqliteScratches databases = new SqliteScratches();

  @AfterEach
  void drop() {
    databases.close();
  }

  private static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT)";

  @Test
  void aColumnThatBecameNotNullIsOneSentenceWithBothStates() {
    SchemaSnapshot before = databases.schema(USERS);
    SchemaSnapshot after = databases.schema(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT NOT NULL)");

    SchemaDiff diff = SchemaDiff.between(before, after, "before", "after rollback");

    assertEquals(List.of("column users.nickname: NOT NULL after rollback, nullable before"), diff.changes());
  }

  @Test
  void aDefaultLeftBehindIsNamed() {
    SchemaSnapshot before = databases.schema(USERS);
    SchemaSnapshot after = databases.schema(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL DEFAULT 'nobody', nickname TEXT)");

    SchemaDiff diff = SchemaDiff.between(before, after, "before", "after rollback");

    assertEquals(List.of("column users.email: default 'nobody' after rollback, no default before"), diff.changes());
  }

  @Test
  void tablesAndIndexesThatAppearOrDisappearAreNamed() {
    SchemaSnapshot before = databases.schema(USERS, "CREATE TABLE legacy (id INTEGER)");
    SchemaSnapshot after = databases.schema(USERS, "CREATE INDEX ix_users_email ON users (email)");

    SchemaDiff diff = SchemaDiff.between(before, after, "before", "after rollback");

    assertEquals(List.of(
        "table legacy: absent after rollback, present before",
        "column legacy.id: absent after rollback, present before",
        "index ix_users_email on users: present after rollback, absent before"), diff.changes());
  }

  @Test
  void aFactThatGainedAPropertyIsShownWholeOnBothSides() {
    SchemaSnapshot before = databases.schema(USERS, "CREATE INDEX ix_users_email ON users (email)");
    SchemaSnapshot after = databases.schema(USERS, "CREATE INDEX ix_users_email ON users (email) WHERE id > 0");

    SchemaDiff diff = SchemaDiff.between(before, after, "before", "after rollback");

    assertEquals(List.of("index ix_users_email on users: '(email), not unique, btree, where id > 0' after rollback, "
        + "'(email), not unique, btree' before"), diff.changes());
  }

  @Test
  void theRenderedDiffListsTheSentencesThenTheUnifiedDiffOfTheCanonicalText() {
    SchemaSnapshot before = databases.schema(USERS, "CREATE TABLE legacy (id INTEGER)");
    SchemaSnapshot after = databases.schema(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT NOT NULL)");

    SchemaDiff diff = SchemaDiff.between(before, after, "before", "after rollback");

    assertEquals("""
        table legacy: absent after rollback, present before
        column legacy.id: absent after rollback, present before
        column users.nickname: NOT NULL after rollback, nullable before

        --- before
        +++ after rollback
        @@ -1,7 +1,5 @@
        -table legacy
         table users
        -column legacy.id: integer, nullable, no default
         column users.email: text, NOT NULL, no default
         column users.id: integer, NOT NULL, no default
        -column users.nickname: text, nullable, no default
        +column users.nickname: text, NOT NULL, no default
         primary key users: (id)""", diff.render());
  }

  @Test
  void equalSchemasHaveNoChangeAndNoDiff() {
    SchemaDiff diff = SchemaDiff.between(databases.schema(USERS), databases.schema(USERS), "before", "now");

    assertTrue(diff.isEmpty());
    assertEquals("", diff.unified());
    assertEquals("", diff.render());
  }
}

package dev.rehearsal.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PgUrlTest {

  @Test
  void swapsTheDatabaseAndKeepsParameters() {
    PgUrl url = PgUrl.parse("jdbc:postgresql://db.example:6543/postgres?user=ops&ssl=true");
    assertEquals("jdbc:postgresql://db.example:6543/rehearsal_x_1?user=ops&ssl=true",
        url.withDatabase("rehearsal_x_1").jdbc());
  }

  @Test
  void showsUrlsWithoutPasswords() {
    PgUrl url = PgUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=ops&password=hunter2&ssl=true");
    assertEquals("jdbc:postgresql://127.0.0.1:5432/postgres?user=ops&password=***&ssl=true", url.shown());
    assertFalse(url.psql().contains("hunter2"));
  }

  @Test
  void redactsUserInfoAndPasswordsInAnyText() {
    assertEquals("failed for postgresql://***@host/db?password=***",
        PgUrl.redact("failed for postgresql://ops:hunter2@host/db?password=hunter2"));
  }

  @Test
  void buildsAPsqlCommand() {
    assertEquals("psql -h 127.0.0.1 -p 5432 -U postgres -d rehearsal_a_1",
        PgUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres").withDatabase("rehearsal_a_1").psql());
  }

  @Test
  void refusesOtherUrlsWithoutShowingTheirPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PgUrl.parse("jdbc:mysql://ops:hunter2@host/db?password=hunter2"));
    assertEquals("'jdbc:mysql://***@host/db?password=***' is not a PostgreSQL JDBC URL — write "
        + "jdbc:postgresql://HOST:PORT/DATABASE?user=NAME (and password=... if the server asks for one)",
        e.getMessage());
  }
}

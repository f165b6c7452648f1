package dev.rehearsal.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
  void redactsUserInfoWhateverThePasswordHolds() {
    assertEquals("jdbc:postgresql://***@host/db", PgUrl.redact("jdbc:postgresql://ci:S3c/r3t@host/db"));
    assertEquals("postgresql://***@h/db", PgUrl.redact("postgresql://u:p%40ss@h/db"));
    assertEquals("postgresql://***@h/db", PgUrl.redact("postgresql://u:p@ss@h/db"));
    assertEquals("postgresql://***@h:5432/db", PgUrl.redact("postgresql://u:a:b/c%2Fd@h:5432/db"));
    assertEquals("at 'postgresql://***@h/db' and postgresql://***@k/e", PgUrl.redact(
        "at 'postgresql://u:p/q@h/db' and postgresql://v:r@s@k/e"));
  }

  @Test
  void redactsPasswordParametersInEveryForm() {
    assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true",
        PgUrl.redact("jdbc:postgresql://h/db?user=u&password=S3c/r3t:x@y&ssl=true"));
    assertEquals("jdbc:postgresql://h/db?sslpassword=***&PASSWORD=***",
        PgUrl.redact("jdbc:postgresql://h/db?sslpassword=k%40y&PASSWORD=p%26q"));
    assertEquals("host=h password=*** user=u", PgUrl.redact("host=h password='a b\\' c' user=u"));
    assertEquals("PGPASSWORD=*** pg_dump", PgUrl.redact("PGPASSWORD=S3c/r3t pg_dump"));
  }

  @Test
  void refusesUserInfoBeforeTheHostWithoutShowingAnyOfIt() {
    for (String url : List.of("jdbc:postgresql://ci:S3c/r3t@host/db", "jdbc:postgresql://ci:p%40ss@host:5432/db",
        "jdbc:postgresql://ci:S3c:r3t@host/db?ssl=true")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PgUrl.parse(url));
      assertFalse(e.getMessage().contains("S3c") || e.getMessage().contains("r3t") || e.getMessage().contains("p%40ss"),
          e.getMessage());
      assertTrue(e.getMessage().startsWith("'jdbc:postgresql://***@host"), e.getMessage());
      assertTrue(e.getMessage().endsWith("has a user and password before the host, which the PostgreSQL driver does "
          + "not read there — write jdbc:postgresql://HOST:PORT/DATABASE?user=NAME&password=..."), e.getMessage());
    }
  }

  @Test
  void aUrlWithARolesPasswordIsShownWithoutIt() {
    PgUrl url = PgUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=ci&password=door")
        .withDatabase("rehearsal_x_1").withParameter("user", "rehearsal_x_1").withParameter("password", "Zr-8_q/w");
    assertEquals("jdbc:postgresql://127.0.0.1:5432/rehearsal_x_1?user=rehearsal_x_1&password=***", url.shown());
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

  @Test
  void givesToolsTheUserAndPasswordPercentDecodedAsTheDriverDoes() {
    PgUrl url = PgUrl.parse("jdbc:postgresql://[::1]:6543/postgres?user=ops%40corp&password=p%26ss%3Dw%C3%B6rd");
    assertEquals(java.util.List.of("--host=::1", "--port=6543", "--username=ops@corp", "--no-password"),
        PgTools.connection(url));
    assertEquals(java.util.Map.of("PGPASSWORD", "p&ss=w\u00f6rd"), PgTools.environment(url));
    assertEquals("psql -h ::1 -p 6543 -U ops@corp -d postgres", url.psql());
  }

  @Test
  void aUrlWithoutAPortLeavesItToTheTools() {
    assertEquals(java.util.List.of("--host=db.example", "--no-password"),
        PgTools.connection(PgUrl.parse("jdbc:postgresql://db.example/app")));
  }

  @Test
  void refusesAPortOutsideOneTo65535() {
    for (String port : new String[] {"0", "65536", "54x2", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PgUrl.parse("jdbc:postgresql://127.0.0.1:" + port + "/postgres?password=hunter2"));
      assertEquals("'jdbc:postgresql://127.0.0.1:" + port + "/postgres?password=***' has port '" + port
          + "' — a port is a number from 1 to 65535 (PostgreSQL listens on 5432 unless told otherwise)",
          e.getMessage());
    }
  }
}

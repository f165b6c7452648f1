package dev.rehearsal.database.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MariadbUrlTest {

  @Test
  void theDatabaseAndUserAreSwappedAndThePasswordIsNeverShown() {
    MariadbUrl door = MariadbUrl.parse("jdbc:mariadb://db.example:3307/?user=ci&password=s%2Fcr3t");
    MariadbUrl scratch = door.withDatabase("rehearsal_1_2").withParameter("user", "rehearsal_1_2");
    assertEquals("jdbc:mariadb://db.example:3307/rehearsal_1_2?user=rehearsal_1_2&password=s%2Fcr3t", scratch.jdbc());
    assertEquals("jdbc:mariadb://db.example:3307/rehearsal_1_2?user=rehearsal_1_2&password=***", scratch.shown());
    assertEquals("s/cr3t", door.decoded("password"));
    assertEquals("mariadb -h db.example -P 3307 -u ci -p rehearsal_1_2", door.withDatabase("rehearsal_1_2").client());
    assertEquals("jdbc:mysql://127.0.0.1/", MariadbUrl.parse("jdbc:mysql://127.0.0.1").jdbc());
  }

  @Test
  void aUrlThatIsNotMariadbsIsRefusedWithoutItsPassword() {
    IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
        () -> MariadbUrl.parse("jdbc:mariadb://root:hunter2@127.0.0.1:3306/"));
    assertEquals("'jdbc:mariadb://***@127.0.0.1:3306/' is not a MariaDB JDBC URL — write "
        + "jdbc:mariadb://HOST:PORT/?user=NAME (and password=... if the server asks for one)", user.getMessage());
    IllegalArgumentException postgres = assertThrows(IllegalArgumentException.class,
        () -> MariadbUrl.parse("jdbc:postgresql://127.0.0.1/postgres?password=hunter2"));
    assertEquals("'jdbc:postgresql://127.0.0.1/postgres?password=***' is not a MariaDB JDBC URL — write "
        + "jdbc:mariadb://HOST:PORT/?user=NAME (and password=... if the server asks for one)", postgres.getMessage());
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
        () -> MariadbUrl.parse("jdbc:mariadb://127.0.0.1:70000/"));
    assertEquals("'jdbc:mariadb://127.0.0.1:70000/' has port '70000' — a port is a number from 1 to 65535 (MariaDB "
        + "listens on 3306 unless told otherwise)", port.getMessage());
  }

  @Test
  void timeoutsBecomeMariadbsSessionVariables() {
    assertEquals("max_statement_time=300,lock_wait_timeout=30,innodb_lock_wait_timeout=30",
        Timeouts.parse("5min", "30s").session());
    assertEquals("max_statement_time=0.5,lock_wait_timeout=1,innodb_lock_wait_timeout=1",
        Timeouts.parse("500ms", "200ms").session());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Timeouts.parse("soon", "1s"));
    assertEquals("statement_timeout 'soon' is not a duration — write e.g. 500ms, 30s, 5min", bad.getMessage());
  }
}

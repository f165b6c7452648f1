package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.testing.PostgresServer;
import dev.rehearsal.testing.RequiresPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line against the real PostgreSQL server: cleanup on signals, no password in any output. */
@RequiresPostgres
class PostgresCliTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final String PASSWORD = "s3cr3t-Pa55word";

  @TempDir
  Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalMidScenarioDropsTheScratchDatabaseAndReportsWhatWasDone(String signal) throws Exception {
    Path quick = write("a-quick.yaml", """
        scenario: finishes before the signal
        steps:
          - apply: 20250101000000
          - expect: {version: 20250101000000}
        """);
    Path slow = write("b-slow.yaml", """
        scenario: sleeps in the middle
        steps:
          - apply: head
          - sql: "SELECT pg_sleep(60);"
          - expect: {version: head}
        """);
    Path reports = temp.resolve("reports");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--project-dir", ROOT.toString(),
        "--database", "postgres", "--postgres-url", PostgresServer.url(), "--jobs", "1", "--reports",
        reports.toString(), "--config", "paths.backups=" + temp.resolve("backups"), "--allow-outside-project",
        quick.toString(), slow.toString());
    builder.redirectErrorStream(true).redirectOutput(temp.resolve("out.txt").toFile());
    Process process = builder.start();
    try {
      String database = awaitScratchOf(process.pid(), "_2");
      new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the run did not stop after SIG" + signal);
      assertEquals(List.of(), PostgresServer.databases(database), "left behind after SIG" + signal);
      // Not only the one found: no database this process created (scratch, cached template) may be left.
      assertEquals(null, PostgresServer.queryValue("SELECT string_agg(datname, ', ') FROM pg_database WHERE "
          + "shobj_description(oid, 'pg_database') LIKE '%pid " + process.pid() + ";%'"), "left behind after SIG"
          + signal);
    } finally {
      process.destroyForcibly();
    }
    String output = Files.readString(temp.resolve("out.txt"));
    assertTrue(output.contains("PASS   postgres " + quick.toAbsolutePath()), output);
    assertTrue(output.contains("INTERRUPTED postgres " + slow.toAbsolutePath()), output);
    assertTrue(output.contains("2 scenario runs: 1 passed, 0 failed, 0 error, 1 interrupted"), output);
    com.fasterxml.jackson.databind.JsonNode summary;
    try (Stream<Path> files = Files.list(reports)) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith("rollback-summary-")).findFirst()
          .orElseThrow(() -> new AssertionError("no run summary written after SIG" + signal));
      summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
    }
    assertEquals("interrupted", summary.get("status").asText());
    assertEquals(1, summary.get("counts").get("passed").asInt());
    assertEquals(1, summary.get("counts").get("interrupted").asInt());
    assertEquals("interrupted", new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(reports.resolve("b-slow--postgres.json").toFile()).get("status").asText());
    assertEquals("passed", new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(reports.resolve("a-quick--postgres.json").toFile()).get("status").asText());
  }

  @Test
  void noPasswordReachesTheTerminalOrTheReports() throws IOException {
    Path failing = write("failing.yaml", """
        scenario: fails and breaks
        steps:
          - apply: head
          - expect: {rows: {users: 42}}
          - sql: "SELECT * FROM nowhere;"
        """);
    String url = PostgresServer.url() + (PostgresServer.url().contains("?") ? "&" : "?") + "password=" + PASSWORD;
    Path reports = temp.resolve("reports");
    List<String> outputs = new ArrayList<>();
    int code = run(outputs, "run", "--project-dir", ROOT.toString(), "--database", "postgres", "--keep",
        "--postgres-url", url, "--reports", reports.toString(), failing.toString());
    assertEquals(1, code, outputs.toString());
    String kept = outputs.get(0).lines().filter(l -> l.contains("kept: ") && l.contains("psql")).findFirst().orElseThrow();
    String keptDatabase = kept.substring(kept.indexOf(" -d ") + 4).strip();
    PostgresServer.execute("DROP DATABASE " + keptDatabase);
    PostgresServer.execute("DROP ROLE " + keptDatabase);
    run(outputs, "run", "--debug", "--project-dir", ROOT.toString(), "--database", "postgres", "--postgres-url",
        "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=" + PASSWORD, "--reports",
        reports.toString(), failing.toString());
    String debugLog = outputs.get(outputs.size() - 1);
    assertTrue(debugLog.contains("FINE dev.rehearsal.run.Interpreter: cannot start failing--postgres"), debugLog);
    assertTrue(debugLog.contains("\tat dev.rehearsal.database.postgres.PgConnections.connect"), debugLog);
    run(outputs, "status", "--debug", "--project-dir", ROOT.toString(), "--database", "postgres",
        "--postgres-url", url, "--db", "no_such_database");
    try (Stream<Path> files = Files.walk(reports)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        outputs.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertTrue(outputs.size() >= 8, "outputs and reports read: " + outputs.size());
    for (String output : outputs) {
      assertFalse(output.contains(PASSWORD), output);
    }
    assertTrue(String.join("\n", outputs).contains("password=***"), "the redacted URL is shown somewhere");
  }

  @Test
  void anUnreachableServerExitsThreeWithAHint() {
    List<String> outputs = new ArrayList<>();
    int code = run(outputs, "run", "--project-dir", ROOT.toString(), "--database", "postgres", "--postgres-url",
        "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres", "--reports", temp.resolve("r").toString(),
        ROOT.resolve("scenarios/post-status-backfill.yaml").toString());
    assertEquals(3, code, outputs.toString());
    assertTrue(outputs.get(0).contains("ERROR  postgres scenarios/post-status-backfill.yaml"), outputs.get(0));
    assertTrue(outputs.get(0).contains("is the server running?"), outputs.get(0));
    assertFalse(outputs.get(1).contains("\tat "), "no stack trace without --debug: " + outputs.get(1));
  }

  private static int run(List<String> outputs, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    outputs.add(out.toString());
    outputs.add(err.toString());
    return code;
  }

  private Path write(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** The scratch database whose name ends with {@code suffix} that process {@code pid} created, once it exists. */
  private static String awaitScratchOf(long pid, String suffix) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      String name = PostgresServer.queryValue("SELECT datname FROM pg_database WHERE "
          + "shobj_description(oid, 'pg_database') LIKE '%pid " + pid + ";%' AND datname LIKE '%" + suffix + "'");
      if (name != null) {
        Thread.sleep(500);
        return name;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no scratch database of process " + pid + " appeared within 30 s");
  }
}

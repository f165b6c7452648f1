package dev.rehearsal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files an attacker (or an accident) puts where a scenario is expected: links out of the project, credentials,
 * pipes, huge files, NUL bytes and megabyte-long names. Each is refused with a message at its position that repeats
 * nothing of a file that is not a scenario, without blocking, and without reading more than the size limit.
 */
class HostileInputTest {

  private static final String SECRET = "db.internal:5432:*:deploy:S3cretPassw0rd";

  @TempDir
  Path temp;

  private Path project;
  private Path outside;
  private ScenarioReader reader;

  @BeforeEach
  void project() throws IOException {
    project = Files.createDirectories(temp.resolve("project"));
    outside = Files.createDirectories(temp.resolve("home"));
    Files.createDirectories(project.resolve("scenarios"));
    Files.createDirectories(project.resolve("fixtures"));
    reader = new ScenarioReader(new ReadContext(project, project.resolve("fixtures"),
        new TreeSet<>(List.of(new BigDecimal("20240101000000"))), List.of("sqlite")));
  }

  private String problemsOf(Path file) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(file));
    return e.problems().stream().map(p -> p + "\n").collect(Collectors.joining());
  }

  private Path scenario(String name, String text) throws IOException {
    return Files.writeString(project.resolve("scenarios").resolve(name), text);
  }

  @Test
  void aScenarioThatIsALinkOutOfTheProjectIsRefusedWithoutReadingIt() throws IOException {
    Path target = Files.writeString(outside.resolve("valid.yaml"), "scenario: outside\nsteps:\n  - apply: head\n");
    Path link = Files.createSymbolicLink(project.resolve("scenarios/linked.yaml"), target);

    assertEquals("""
        scenarios/linked.yaml:1:1: a symbolic link that leads outside the project (or nowhere) — it is not read; \
        copy the scenario into the project, or pass --allow-outside-project
        """, problemsOf(link));
  }

  @Test
  void aScenarioThatIsADanglingLinkIsRefused() throws IOException {
    Path link = Files.createSymbolicLink(project.resolve("scenarios/dangling.yaml"), outside.resolve("not-yet"));

    assertEquals("""
        scenarios/dangling.yaml:1:1: a symbolic link that leads outside the project (or nowhere) — it is not read; \
        copy the scenario into the project, or pass --allow-outside-project
        """, problemsOf(link));
  }

  @Test
  void aFileThatIsNotAScenarioIsNotRepeatedInTheError() throws IOException {
    Path pgpass = scenario("pgpass.yaml", SECRET + "\n");
    Path secret = scenario("k8s-secret.yaml", "apiVersion: v1\nkind: Secret\ndata:\n  password: " + SECRET + "\n");

    String problems = problemsOf(pgpass) + problemsOf(secret);

    assertEquals("""
        scenarios/pgpass.yaml:1:1: not a scenario file: its top level is text without any of the keys scenario, \
        databases, tags, allow, rto, steps — its content is not shown; a scenario is a mapping with 'scenario' and \
        'steps'
        scenarios/k8s-secret.yaml:1:1: not a scenario file: its top level is a mapping without any of the keys \
        scenario, databases, tags, allow, rto, steps — its content is not shown; a scenario is a mapping with \
        'scenario' and 'steps'
        """, problems);
  }

  @Test
  void aYamlFixtureThatIsNotAFixtureIsNotRepeatedInTheError() throws IOException {
    Files.writeString(project.resolve("fixtures/config.yaml"), "host: db.internal\npassword: " + SECRET + "\n");
    Path file = scenario("seeds-config.yaml", "scenario: seeds a config file\nsteps:\n  - seed: config.yaml\n");

    String problems = problemsOf(file);

    assertEquals("""
        fixtures/config.yaml:1:1: not a YAML fixture: its top level is a mapping with no list of rows — its content \
        is not shown; a fixture maps each table to a list of rows
        """, problems);
    assertFalse(problems.contains("S3cret"), problems);
  }

  @Test
  void aPipeIsRefusedWithoutBlocking() throws Exception {
    Path fifo = project.resolve("scenarios/pipe.yaml");
    int made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
    assumeTrue(made == 0, "mkfifo is not available");

    String problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problemsOf(fifo));

    assertEquals("scenarios/pipe.yaml:1:1: not a regular file (a pipe, socket or device) — give a YAML file\n",
        problems);
  }

  @Test
  void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
    Path huge = sparse(project.resolve("scenarios/huge.yaml"));
    sparse(project.resolve("fixtures/huge.yaml"));
    Path seeds = scenario("seeds-huge.yaml", "scenario: seeds a huge fixture\nsteps:\n  - seed: huge.yaml\n");

    assertEquals("scenarios/huge.yaml:1:1: the file is larger than 2 MiB — split it\n", problemsOf(huge));
    assertEquals("fixtures/huge.yaml:1:1: the file is larger than 2 MiB — split it\n", problemsOf(seeds));
  }

  /** 3 GB that take no room on disk. */
  private static Path sparse(Path path) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
      file.setLength(3L * 1024 * 1024 * 1024);
    }
    return path;
  }

  @Test
  void aRawNulByteIsReportedAtItsLineAndColumn() throws IOException {
    Path file = project.resolve("scenarios/nul.yaml");
    Files.write(file, "scenario: has a NUL\nsteps:\n  - sql: \"SELECT 1;\"  # ü\u0000\n"
        .getBytes(StandardCharsets.UTF_8));

    assertEquals("scenarios/nul.yaml:3:26: the character U+0000 is not allowed in YAML — remove it (control "
        + "characters other than tab and line breaks cannot appear in the file)\n", problemsOf(file));
  }

  @Test
  void aNulInAPathValueIsAnErrorAtItsPosition() throws IOException {
    Path file = scenario("nul-path.yaml", """
        scenario: seeds a path with a NUL
        steps:
          - seed: "users\\0.yaml"
          - expect: {schema: {matches: "snapshots/x\\x1b[2J.schema"}}
        """);

    assertEquals("""
        scenarios/nul-path.yaml:3:11: 'seed' holds the control character U+0000 at character 6 — a path is plain \
        text; remove it
        scenarios/nul-path.yaml:4:32: 'schema.matches' holds the control character U+001B at character 12 — a path \
        is plain text; remove it
        """, problemsOf(file));
  }

  @Test
  void twoHugeLabelsAreRefusedByTheirLengthWithoutComparingThem() throws IOException {
    String a = "a".repeat(100_000);
    String b = "b".repeat(100_000);
    Path file = scenario("labels.yaml", "scenario: huge labels\nsteps:\n  - snapshot: " + a
        + "\n  - expect: {schema: {same_as: " + b + "}}\n  - expect: {data: {same_as: " + a + "x}}\n");

    String problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problemsOf(file));

    assertEquals("""
        scenarios/labels.yaml:3:15: a label of 100000 characters — labels are at most 100 characters
        scenarios/labels.yaml:4:32: a label of 100000 characters — labels are at most 100 characters
        scenarios/labels.yaml:5:30: a label of 100001 characters — labels are at most 100 characters
        """, problems);
  }

  @Test
  void aHugeKeyIsRefusedByItsLength() throws IOException {
    // SnakeYAML itself refuses implicit keys longer than 1024 characters.
    Path file = scenario("key.yaml", "scenario: a huge key\nsteps:\n  - expect: {" + "k".repeat(1000) + ": 1}\n");

    assertEquals("scenarios/key.yaml:3:14: a key of 1000 characters in 'expect' — keys are at most 200 characters\n",
        problemsOf(file));
  }

  @Test
  void theHintComparesOnlyShortStrings() {
    String a = "a".repeat(100_000);

    assertEquals(java.util.Optional.empty(), assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> Hints.closest(a, List.of(a + "b", "a".repeat(99_999) + "c"))));
    assertEquals(java.util.Optional.of("steps"), Hints.closest("stpes", List.of("scenario", "steps")));
  }

  @Test
  void aColumnNameIsNeverQualifiedButSnapshotValuesMayNameTheirSchema() throws IOException {
    Path file = scenario("columns.yaml", """
        scenario: names
        steps:
          - snapshot: {label: before, values: [shadow.users.email, users.email]}
          - expect: {columns: {shadow.users: [public.id]}}
        """);

    assertEquals("scenarios/columns.yaml:4:39: column name 'public.id' is not a plain name — use letters, digits "
        + "and _\n", problemsOf(file));
  }
}

package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.scaffold.Layouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code action/rehearse.sh}, the logic of the GitHub Action, run as a composite step runs it: inputs in
 * {@code INPUT_*} variables, GitHub's files for outputs and the job summary, a release downloaded from a
 * directory that holds the archive this build made, and an init'ed MyBatis repository in a subdirectory.
 */
class ActionScriptIT {

  private static final String VERSION = System.getProperty("build.version");
  private static final Path ARCHIVE = Path.of(System.getProperty("build.archive", "target/rehearsal")
      + ".tar.gz");
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
  private static final Path SCRIPT = REPOSITORY.resolve("action/rehearse.sh");

  @TempDir
  Path dir;

  private Path workspace;
  private final Map<String, String> variables = new HashMap<>();

  record Result(int code, String out, String err) {}

  @BeforeEach
  void releaseAndProject() throws Exception {
    Path release = Files.createDirectories(dir.resolve("releases/v" + VERSION));
    Files.copy(ARCHIVE, release.resolve("rehearsal-" + VERSION + ".tar.gz"));
    workspace = Files.createDirectories(dir.resolve("workspace"));
    Path project = Layouts.copy(Path.of("../core/src/test/resources/layouts").toAbsolutePath(), Layouts.SPLIT,
        workspace.resolve("orders"));
    assertEquals(0, Cli.run("init", project.toString()).exitCode());
    variables.put("REHEARSAL_RELEASES_URL", dir.resolve("releases").toUri().toString().replaceAll("/$", ""));
    variables.put("RUNNER_TEMP", Files.createDirectories(dir.resolve("runner")).toString());
    variables.put("GITHUB_OUTPUT", dir.resolve("output.txt").toString());
    variables.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
    variables.put("GITHUB_ACTION_PATH", REPOSITORY.toString());
    variables.put("INPUT_WORKING_DIRECTORY", "orders");
  }

  private Result action() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).directory(workspace.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("GITHUB_") || key.startsWith("INPUT_")
        || key.startsWith("REHEARSAL_"));
    builder.environment().putAll(variables);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES));
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void itInstallsTheReleaseRunsTheScenariosAndSaysWhereTheSummariesAre() throws Exception {
    variables.putAll(Map.of("INPUT_VERSION", VERSION, "INPUT_DATABASES", "sqlite", "INPUT_SHARD", "1/1"));

    Result result = action();

    assertEquals(0, result.code(), result.out() + result.err());
    assertTrue(result.out().startsWith("rehearsal: installing " + VERSION + " from "
        + variables.get("REHEARSAL_RELEASES_URL") + "/v" + VERSION + "/rehearsal-" + VERSION + ".tar.gz\n"
        + "rehearsal: rehearse run --database sqlite --shard 1/1\n"), result.out());
    assertTrue(result.out().contains("\nPASS   sqlite   scenarios/first-rollback.yaml "), result.out());
    assertEquals("reports=orders/artifacts/migrations\nartifact-name=rehearsal-sqlite-1-of-1\n",
        Files.readString(dir.resolve("output.txt")));
    assertTrue(Files.readString(dir.resolve("summary.md")).contains("scenarios/first-rollback.yaml"),
        "the Markdown summary goes to the job page");
    assertTrue(Files.isDirectory(workspace.resolve("orders/artifacts/migrations")));
  }

  @Test
  void theVersionDefaultsToTheActionsTag() throws Exception {
    variables.put("GITHUB_ACTION_REF", "v" + VERSION);

    Result result = action();

    assertEquals(0, result.code(), result.out() + result.err());
    assertTrue(result.out().startsWith("rehearsal: installing " + VERSION + " from "), result.out());
    assertTrue(result.out().contains("rehearsal: rehearse run\n"), result.out());
  }

  @Test
  void theExitCodeIsTheRunsAndThePostgresUrlIsNeverPrinted() throws Exception {
    Files.writeString(workspace.resolve("orders/scenarios/wrong.yaml"), """
        scenario: Expects a table the migrations never create
        steps:
          - apply: head
          - expect:
              tables: {present: [invoices]}
        """);
    variables.putAll(Map.of("INPUT_VERSION", VERSION, "INPUT_ARGS", "--name Expects --jobs 1",
        "INPUT_POSTGRES_URL", "jdbc:postgresql://db.example:5432/postgres?user=ci&password=do-not-print"));

    Result result = action();

    assertEquals(1, result.code(), result.out() + result.err());
    assertTrue(result.out().contains("rehearsal: rehearse run --name Expects --jobs 1\n"), result.out());
    assertTrue(result.out().contains("FAIL   sqlite   scenarios/wrong.yaml"), result.out());
    assertFalse((result.out() + result.err()).contains("do-not-print"), result.out() + result.err());
  }

  @Test
  void aVersionThatIsNotAReleaseIsAnInstallError() throws Exception {
    variables.put("INPUT_VERSION", "9.9.9");

    Result result = action();

    assertEquals(3, result.code(), result.out());
    assertTrue(result.err().contains("::error::rehearsal: cannot download " + variables.get("REHEARSAL_RELEASES_URL")
        + "/v9.9.9/rehearsal-9.9.9.tar.gz — is 9.9.9 a release?"), result.err());
  }

  /** From a branch or {@code uses: ./} the action builds its checkout; a stand-in mvn "builds" the real archive. */
  @Test
  void withoutAReleaseTheActionsCheckoutIsBuiltWithMaven() throws Exception {
    Path checkout = Files.createDirectories(dir.resolve("checkout"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho \"$@\" > '" + dir.resolve("mvn-args.txt") + "'\nmkdir -p '" + checkout
        + "/engine/cli/target'\ncp '" + ARCHIVE + "' '" + checkout + "/engine/cli/target/'\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    variables.putAll(Map.of("GITHUB_ACTION_PATH", checkout.toString(), "GITHUB_ACTION_REF", "main",
        "PATH", bin + ":" + System.getenv("PATH")));

    Result result = action();

    assertEquals(0, result.code(), result.out() + result.err());
    assertTrue(result.out().startsWith("rehearsal: building the checkout in " + checkout + "\n"), result.out());
    assertEquals("-B -q -f " + checkout + "/pom.xml -pl engine/cli -am -DskipTests -Dmaven.javadoc.skip=true "
        + "-Dmaven.source.skip=true package\n", Files.readString(dir.resolve("mvn-args.txt")));
    assertTrue(result.out().contains("\nPASS   sqlite   scenarios/first-rollback.yaml "), result.out());
  }

  @Test
  void theActionHasTheDocumentedInputsAndTheScriptKnowsTheRepository() throws Exception {
    Map<String, Object> action = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(Files.readString(REPOSITORY.resolve("action.yml")));
    String repository = XPathFactory.newInstance().newXPath().evaluate("/project/properties/rehearsal.repository",
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(REPOSITORY.resolve("pom.xml").toFile()));

    assertEquals(List.of("version", "databases", "args", "shard", "postgres-url", "working-directory"),
        List.copyOf(((Map<?, ?>) action.get("inputs")).keySet()));
    assertEquals("composite", ((Map<?, ?>) action.get("runs")).get("using"));
    assertTrue(Files.readString(SCRIPT).contains("repository=\"${GITHUB_ACTION_REPOSITORY:-" + repository + "}\""));
  }
}

package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rehearsal.scaffold.Layouts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it: the archive that {@code mvn package} built, unpacked into a temporary
 * directory and run through {@code bin/rehearse} with a PATH that holds only {@code java} (no Maven, no clone),
 * on a MyBatis repository outside this repository, at 80 columns.
 */
class DistributionIT {

  private static final String VERSION = System.getProperty("build.version");
  private static final Path ARCHIVE = Path.of(System.getProperty("build.archive", "target/rehearsal"));
  private static final Path LAYOUTS = Path.of("../core/src/test/resources/layouts").toAbsolutePath().normalize();
  private static final List<String> CONTENT = List.of("LICENSE", "README.md", "bin/rehearse", "bin/rehearse.cmd",
      "lib/rehearse.jar", "scenario.schema.json");

  @TempDir
  static Path dir;

  private static Path home;
  private static Path onlyJava;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void unpack() throws Exception {
    Path opt = Files.createDirectories(dir.resolve("opt"));
    Process tar = new ProcessBuilder("tar", "xzf", ARCHIVE + ".tar.gz", "-C", opt.toString()).inheritIO().start();
    assertEquals(0, tar.waitFor());
    home = opt.resolve("rehearsal-" + VERSION);
    onlyJava = Files.createDirectories(dir.resolve("only-java"));
    Files.createSymbolicLink(onlyJava.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  /** The links to files outside the temporary directory, deleted here so that JUnit need not warn that it did. */
  @AfterAll
  static void deleteTheLinksOutOfTheTemporaryDirectory() throws IOException {
    Files.deleteIfExists(dir.resolve("only-java/java"));
    Files.deleteIfExists(dir.resolve("links/readlink"));
  }

  /** {@code bin/rehearse ARGS} in {@code cwd}, with nothing but java on PATH and a terminal 80 columns wide. */
  private static Result rehearse(Path cwd, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/rehearse").toString()));
    command.addAll(List.of(args));
    return run(cwd, Map.of(), command);
  }

  private static Result run(Path cwd, Map<String, String> variables, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().clear();
    builder.environment().putAll(Map.of("PATH", onlyJava.toString(), "HOME", dir.toString(), "COLUMNS", "80"));
    builder.environment().putAll(variables);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "rehearse " + command + " did not finish");
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void bothArchivesHoldTheLauncherTheJarTheSchemaTheLicenseAndAReadme() throws Exception {
    List<String> unpacked;
    try (Stream<Path> files = Files.walk(home)) {
      unpacked = files.filter(Files::isRegularFile).map(f -> home.relativize(f).toString()).sorted().toList();
    }
    Map<String, byte[]> zipped = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Path.of(ARCHIVE + ".zip")))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory()) {
          zipped.put(entry.getName(), zip.readAllBytes());
        }
      }
    }

    assertEquals(CONTENT, unpacked);
    assertEquals(CONTENT.stream().map(f -> "rehearsal-" + VERSION + "/" + f).toList(), List.copyOf(zipped.keySet()));
    assertTrue(Files.getPosixFilePermissions(home.resolve("bin/rehearse")).contains(PosixFilePermission.OWNER_EXECUTE));
    assertTrue(Files.readString(home.resolve("bin/rehearse")).startsWith("#!/bin/sh\n"));
    assertTrue(Files.readString(home.resolve("bin/rehearse.cmd")).startsWith("@echo off\r\n"), "CRLF line ends");
    assertEquals(Files.readString(Path.of("../../docs/scenario.schema.json")),
        Files.readString(home.resolve("scenario.schema.json")));
    assertEquals(Files.readString(Path.of("../../LICENSE")), Files.readString(home.resolve("LICENSE")));
    String readme = Files.readString(home.resolve("README.md"));
    assertTrue(readme.startsWith("# Rehearsal " + VERSION + "\n") && !readme.contains("${"), readme);
  }

  @Test
  void itRunsWithJavaAloneOnPath() throws Exception {
    Result maven = run(dir, Map.of(), List.of("/bin/sh", "-c", "command -v mvn"));
    Result version = rehearse(dir, "--version");

    assertNotEquals(0, maven.code(), "Maven must not be reachable: " + maven.out());
    assertEquals(new Result(0, "rehearse " + VERSION + "\nJava " + System.getProperty("java.version") + "\n", ""),
        version);
  }

  @Test
  void initThenRunThenRoundtripPassInAMybatisRepositoryElsewhere() throws Exception {
    Path shop = Layouts.copy(LAYOUTS, Layouts.MIGRATE_INIT, dir.resolve("shop"));

    Result init = rehearse(shop, "init");
    Result run = rehearse(shop, "run");
    Result roundtrip = rehearse(shop, "roundtrip");

    assertEquals(0, init.code(), init.out() + init.err());
    assertTrue(init.out().startsWith("Found a MyBatis repository in .:\n"), init.out());
    assertTrue(init.out().endsWith("Next: rehearse run\n      (then 'rehearse roundtrip' checks that every "
        + "migration rolls back)\n"), init.out());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("\nPASS   sqlite   scenarios/first-rollback.yaml "), run.out());
    assertEquals(0, roundtrip.code(), roundtrip.out() + roundtrip.err());
    assertEquals(3, roundtrip.out().lines().filter(l -> l.matches("  \\d{14}_\\w+\\.sql +passed")).count(),
        roundtrip.out());
    assertTrue(Files.isDirectory(shop.resolve("artifacts/migrations")), "the reports are the project's");
    try (Stream<Path> files = Files.list(home)) {
      assertEquals(CONTENT.stream().map(f -> f.split("/")[0]).distinct().sorted().toList(),
          files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing is written into the installation");
    }
  }

  @Test
  void outsideAnyProjectItStopsWithExitCode2AndWritesNothing() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    for (Path above = empty; above != null; above = above.getParent()) {
      org.junit.jupiter.api.Assumptions.assumeTrue(!Files.exists(above.resolve("rehearsal.yaml")), above.toString());
    }

    Result run = rehearse(empty, "run");

    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().startsWith("error: no rehearsal.yaml in " + empty.toRealPath() + " or any directory above "
        + "it"), run.err());
    try (Stream<Path> files = Files.list(empty)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aSymbolicLinkOnPathFindsTheInstallation() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("links"));
    Files.createSymbolicLink(bin.resolve("rehearse"), home.resolve("bin/rehearse"));
    Files.createSymbolicLink(bin.resolve("readlink"), Path.of(which("readlink")));

    Result version = run(dir, Map.of("PATH", bin + ":" + onlyJava), List.of("/bin/sh", "-c", "rehearse --version"));

    assertEquals(0, version.code(), version.err());
    assertTrue(version.out().startsWith("rehearse " + VERSION + "\n"), version.out());
  }

  private static String which(String tool) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("/bin/sh", "-c", "command -v " + tool).start();
    try (InputStream in = process.getInputStream()) {
      String path = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      process.waitFor();
      return path;
    }
  }
}

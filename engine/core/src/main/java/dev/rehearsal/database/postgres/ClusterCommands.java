package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the server binaries of a {@link PrivateCluster}: from its bin directory, and through
 * {@code runuser -u postgres --} when this process runs as root, with the files they need handed over to that user.
 */
final class ClusterCommands {

  private static final String SERVER_USER = "postgres";
  private static final Path INSTALLED = Path.of("/usr/lib/postgresql");
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binDir;
  private final UserPrincipal runAs;

  private ClusterCommands(Path binDir, UserPrincipal runAs) {
    this.binDir = binDir;
    this.runAs = runAs;
  }

  /** The commands of {@code binDir}, or of the newest bin directory found on the machine when it is null. */
  static ClusterCommands find(Path binDir) {
    Path dir = binDir != null ? binDir : findBinDir().orElseThrow(() -> DatabaseException.infrastructure(
        "cannot start a private PostgreSQL cluster", new IOException("no initdb in " + INSTALLED
            + "/*/bin or on PATH — install the PostgreSQL server package (Debian: apt-get install postgresql)")));
    if (!Files.isExecutable(dir.resolve("initdb")) || !Files.isExecutable(dir.resolve("pg_ctl"))) {
      throw DatabaseException.infrastructure("cannot start a private PostgreSQL cluster",
          new IOException("no initdb and pg_ctl in " + dir));
    }
    UserPrincipal runAs = null;
    if (isRoot()) {
      try {
        runAs = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER);
      } catch (IOException e) {
        throw DatabaseException.infrastructure("cannot start a private PostgreSQL cluster as root", new IOException(
            "initdb refuses to run as root and there is no '" + SERVER_USER + "' user to run it as"));
      }
    }
    return new ClusterCommands(dir, runAs);
  }

  /** The newest {@code /usr/lib/postgresql/<version>/bin} with {@code initdb}, else a PATH directory with it. */
  static Optional<Path> findBinDir() {
    return findBinDir(null);
  }

  /**
   * As {@link #findBinDir()}, of major version {@code major} only when it is not null (the version of a bin
   * directory on PATH is read from {@code initdb --version}).
   */
  static Optional<Path> findBinDir(String major) {
    if (Files.isDirectory(INSTALLED)) {
      try (Stream<Path> versions = Files.list(INSTALLED)) {
        Optional<Path> newest = versions.filter(v -> v.getFileName().toString().matches("[0-9]+(\\.[0-9]+)?"))
            .filter(v -> major == null || v.getFileName().toString().equals(major))
            .map(v -> v.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
            .max(Comparator.comparingDouble(bin -> Double.parseDouble(bin.getParent().getFileName().toString())));
        if (newest.isPresent()) {
          return newest;
        }
      } catch (IOException e) {
        // fall back to PATH
      }
    }
    String path = System.getenv("PATH");
    return path == null ? Optional.empty() : Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isEmpty())
        .map(Path::of).filter(dir -> Files.isExecutable(dir.resolve("initdb")))
        .filter(dir -> major == null || major.equals(majorOf(dir))).findFirst();
  }

  /** The major version {@code initdb --version} of {@code binDir} prints ({@code initdb (PostgreSQL) 15.4}). */
  private static String majorOf(Path binDir) {
    try {
      Process process = new ProcessBuilder(binDir.resolve("initdb").toString(), "--version").redirectErrorStream(true)
          .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(10, TimeUnit.SECONDS);
      java.util.regex.Matcher version = java.util.regex.Pattern.compile("\\) (\\d+)").matcher(out);
      return version.find() ? version.group(1) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  Path binDir() {
    return binDir;
  }

  /** Makes a file or directory this process created the server user's, when the binaries run as that user. */
  void handOver(Path path) throws IOException {
    if (runAs != null) {
      Files.setOwner(path, runAs);
    }
  }

  /**
   * Runs one binary in the cluster's directory and waits for it.
   *
   * @param log where its output goes (appended), or null to discard it
   * @throws DatabaseException (infrastructure) when it fails, with the end of its output
   */
  void run(String doing, Path log, String tool, String... args) {
    List<String> command = new ArrayList<>();
    if (runAs != null) {
      command.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
    }
    command.add(binDir.resolve(tool).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    if (log != null) {
      builder.directory(log.getParent().toFile()).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    } else {
      // a directory the server user may enter, whoever started this process
      builder.directory(binDir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    try {
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw DatabaseException.infrastructure("cannot " + doing, new IOException(tool + " did not finish within "
            + TIMEOUT_SECONDS + " s"));
      }
      if (process.exitValue() != 0) {
        throw DatabaseException.infrastructure("cannot " + doing, new IOException(tool + " exited with "
            + process.exitValue() + (log == null ? "" : ": " + tail(log))));
      }
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot " + doing, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DatabaseException.infrastructure("cannot " + doing, e);
    }
  }

  /** The last lines of a log, for an error message. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).strip();
    } catch (IOException e) {
      return "(" + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** Deletes a directory and everything in it; what cannot be deleted is left. */
  static void deleteTree(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // a file the server still writes: the directory stays, in the temporary directory
        }
      });
    } catch (IOException e) {
      // nothing more to do
    }
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}

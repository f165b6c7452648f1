package dev.rehearsal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A project in a temporary directory whose repository is one case of the core module's round-trip corpus
 * ({@code engine/core/src/test/resources/roundtrip}): its environments, {@code base} and the case's scripts, copied
 * into {@code migrations/}, so messages name {@code migrations/scripts/...} as in a real project.
 */
final class CorpusProject {

  private static final Path CORPUS = Path.of("../core/src/test/resources/roundtrip").toAbsolutePath().normalize();

  private CorpusProject() {}

  static Path create(Path root, String scripts) {
    try {
      Files.writeString(root.resolve("rehearsal.yaml"), "paths:\n  reports: reports\n");
      Files.createDirectories(root.resolve("scenarios"));
      copy(CORPUS.resolve("environments"), root.resolve("migrations/environments"));
      copy(CORPUS.resolve("base"), root.resolve("migrations/scripts"));
      copy(CORPUS.resolve(scripts), root.resolve("migrations/scripts"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}

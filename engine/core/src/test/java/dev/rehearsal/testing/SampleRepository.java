package dev.rehearsal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The sample MyBatis repository of the project root, copied for a test that adds a script of its own. */
public final class SampleRepository {

  private SampleRepository() {}

  /**
   * A copy of {@code root/migrations} under {@code directory}, with one more script after the others.
   *
   * @param up the script's statements; {@code undo} its undo section
   */
  public static Path withScript(Path root, Path directory, String description, String up, String undo)
      throws IOException {
    Path source = root.resolve("migrations");
    Path repository = directory.resolve("migrations");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = repository.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Files.writeString(repository.resolve("scripts/20990101000000_" + description + ".sql"), "-- // " + description
        + "\n" + up + "\n-- //@UNDO\n" + undo);
    return repository;
  }
}

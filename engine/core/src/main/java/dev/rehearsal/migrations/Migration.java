package dev.rehearsal.migrations;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One script of the repository.
 *
 * @param id the number before the first {@code _} of the file name
 * @param description the rest of the file name, words separated by spaces (as MyBatis writes it to the changelog)
 * @param file the script file
 */
public record Migration(BigDecimal id, String description, Path file) {

  public Migration {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(file, "file");
  }

  public String fileName() {
    return file.getFileName().toString();
  }
}

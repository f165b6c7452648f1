package dev.rehearsal.scaffold;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;

/** A migration script found while setting up: its id (the number before the first {@code _}) and its file. */
public record Script(BigDecimal id, Path file) {

  public Script {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
  }

  public String fileName() {
    return file.getFileName().toString();
  }
}

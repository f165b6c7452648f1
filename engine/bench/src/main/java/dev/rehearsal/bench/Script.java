package dev.rehearsal.bench;

import java.util.List;
import java.util.Objects;

/**
 * One synthetic migration script: the statements of its up section and of its undo section, each ending with
 * {@code ;} at the end of its line, as MyBatis splits them.
 *
 * @param id the MyBatis id (the number before the first {@code _} of the file name)
 * @param description words of the file name
 */
record Script(long id, String description, List<String> up, List<String> undo) {

  static final String UNDO_MARKER = "-- //@UNDO";

  Script {
    Objects.requireNonNull(description, "description");
    up = List.copyOf(up);
    undo = List.copyOf(undo);
  }

  String fileName() {
    return id + "_" + description.replace(' ', '_') + ".sql";
  }

  /** The file as MyBatis reads it: a description comment, the up section, the undo marker, the undo section. */
  String text() {
    return "-- // " + description + "\n" + String.join("\n", up) + "\n\n" + UNDO_MARKER + "\n"
        + String.join("\n", undo) + "\n";
  }
}

package dev.rehearsal.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Writes files that are not there yet, never over one that is, and remembers which it wrote and which it left. */
final class ProjectWriter {

  private final Path project;
  private final List<String> written = new ArrayList<>();
  private final List<String> left = new ArrayList<>();

  ProjectWriter(Path project) {
    this.project = project;
  }

  List<String> written() {
    return List.copyOf(written);
  }

  List<String> left() {
    return List.copyOf(left);
  }

  /** Notes that {@code relative} was there already. */
  void leave(String relative) {
    left.add(relative);
  }

  /** Writes {@code relative} (to the project) unless it exists; true when it was written. */
  boolean write(String relative, String text) {
    return write(project.resolve(relative), text);
  }

  boolean write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      // CREATE_NEW: the check and the write are one step, so a file is never overwritten.
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      written.add(shown(file));
      return true;
    } catch (FileAlreadyExistsException e) {
      left.add(shown(file));
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Appends the lines {@code file} (a {@code .gitignore}) lacks; what is there stays as it is. */
  void ignore(Path file, List<String> lines) {
    try {
      String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      List<String> present = text.lines().map(String::strip).toList();
      List<String> missing = lines.stream().filter(line -> !present.contains(line) && !present.contains("/" + line)
          && !present.contains(line.substring(0, line.length() - 1))).toList();
      if (missing.isEmpty()) {
        left.add(shown(file));
        return;
      }
      StringBuilder added = new StringBuilder(text.isEmpty() || text.endsWith("\n") ? "" : "\n");
      added.append("# Rehearsal's reports and backups\n");
      missing.forEach(line -> added.append(line).append('\n'));
      Files.writeString(file, added.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      written.add(shown(file) + " (added " + String.join(", ", missing) + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
    }
  }

  private String shown(Path file) {
    return Paths.relative(project, file);
  }
}

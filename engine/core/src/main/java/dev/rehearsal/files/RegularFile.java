package dev.rehearsal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading a file someone else may have put there: its type is checked before it is opened (opening a FIFO blocks
 * until someone writes to it, a device may never end), and it is read only up to a limit.
 */
public final class RegularFile {

  private RegularFile() {}

  /**
   * What keeps {@code file} from being read as a regular file ("does not exist", "is a directory", "is a FIFO, a
   * device or a socket, not a regular file"), or null when it is one. A symbolic link is judged by its target.
   */
  public static String problem(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return "does not exist";
    } catch (IOException e) {
      return "cannot be read (" + e.getMessage() + ")";
    }
    if (attributes.isRegularFile()) {
      return null;
    }
    return attributes.isDirectory() ? "is a directory, not a file"
        : "is a FIFO, a device or a socket, not a regular file";
  }

  /**
   * The bytes of a regular file of at most {@code limit} bytes.
   *
   * @throws IOException when it is not a regular file, is longer, or cannot be read
   */
  public static byte[] read(Path file, int limit) throws IOException {
    String problem = problem(file);
    if (problem != null) {
      throw new IOException(file + " " + problem);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new IOException(file + " is longer than " + limit + " bytes");
      }
      return bytes;
    }
  }
}

package dev.rehearsal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a whole file only when it is a regular file of at most a given size: its type and size are checked before it
 * is opened (opening a FIFO blocks until someone writes to it, a device may never end, a 3 GB file is refused, not
 * read), and no more than the limit is ever read (a file that grows meanwhile is refused too).
 */
public final class BoundedFile {

  private BoundedFile() {}

  /** Why a file was not read, in words for a message. */
  public static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * What keeps {@code file} from being read as a regular file, in words that follow "is" ("a directory", "not a
   * regular file (a pipe, socket or device)", "unreadable (why)"), "does not exist", or null when it is a regular
   * file. A symbolic link
   * is judged by its target. Nothing is opened.
   */
  public static String problem(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return "does not exist";
    } catch (IOException e) {
      return "unreadable (" + e.getMessage() + ")";
    }
    return kind(attributes);
  }

  /**
   * The bytes of {@code file}.
   *
   * @throws Refused when it is a directory, not a regular file, or larger than {@code maxBytes}
   * @throws IOException when it cannot be read
   */
  public static byte[] read(Path file, int maxBytes) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    String kind = kind(attributes);
    if (kind != null) {
      throw new Refused(kind);
    }
    if (attributes.size() > maxBytes) {
      throw new Refused(tooLarge(maxBytes));
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new Refused(tooLarge(maxBytes));
      }
      return bytes;
    }
  }

  private static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    return attributes.isRegularFile() ? null : "not a regular file (a pipe, socket or device)";
  }

  private static String tooLarge(int maxBytes) {
    return maxBytes % (1024 * 1024) == 0 ? "larger than " + maxBytes / (1024 * 1024) + " MiB"
        : "larger than " + maxBytes + " bytes";
  }
}

package dev.rehearsal.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Replaces a file so that no reader ever sees half of it and nothing planted beside it is followed: the content goes
 * to a new file with a random name in the target's directory, created exclusively ({@code O_CREAT|O_EXCL}, which
 * never follows a symbolic link: a link planted at that name makes the creation fail, not write through it), is
 * forced to disk, and is then renamed over the target in one step (a link at the target's name is replaced, not
 * followed). Two writers in one directory never share a temporary file.
 *
 * <p>Reports (JSON summaries, JUnit XML, Markdown) and golden files use it; backup files are written the same way.
 */
public final class AtomicFile {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ATTEMPTS = 10;

  private AtomicFile() {}

  /** What goes into the file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code text} as UTF-8 to {@code target}, replacing it atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes {@code content} to {@code target}, replacing it atomically; the directory is created when missing.
   *
   * @throws IOException when the file cannot be written; no temporary file is left behind
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    Path temp = null;
    try {
      FileChannel channel = null;
      for (int attempt = 0; channel == null; attempt++) {
        temp = directory.resolve("." + absolute.getFileName() + "." + randomPart() + ".tmp");
        try {
          channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException taken) {
          temp = null;
          if (attempt + 1 == ATTEMPTS) {
            throw taken;
          }
        }
      }
      try (FileChannel open = channel) {
        // Writers such as Jackson close the stream they are given: the channel must stay open to be forced.
        OutputStream out = new BufferedOutputStream(new FilterOutputStream(Channels.newOutputStream(open)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            this.out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        }, 64 * 1024);
        content.writeTo(out);
        out.flush();
        open.force(true);
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static String randomPart() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

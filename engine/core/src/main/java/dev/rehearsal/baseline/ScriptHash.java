package dev.rehearsal.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a script's content, as the baseline records it. Line ends are counted as {@code \n} whatever they
 * are in the file, so a checkout that turns them into {@code \r\n} (Git on Windows) does not make every accepted
 * verdict a changed script; every other byte counts.
 */
public final class ScriptHash {

  private ScriptHash() {}

  /**
   * @throws UncheckedIOException when the script cannot be read
   */
  public static String of(Path script) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(script);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + script + ": " + e.getMessage(), e);
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
        continue;
      }
      digest.update(bytes[i]);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

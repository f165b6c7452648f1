package dev.rehearsal.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hash both engines agree on for one value's text: two 32-bit halves of its MD5, summed over rows. */
public final class Fingerprints {

  private Fingerprints() {}

  /** The first ({@code half} 0) or second ({@code half} 1) 32 bits of MD5 of {@code text}, unsigned. */
  public static long half(String text, int half) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = half * 4; i < half * 4 + 4; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }

  /** Renders the two sums as one hash string. */
  public static String hash(long first, long second) {
    return String.format("%016x%016x", first, second);
  }
}

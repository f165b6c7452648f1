package dev.rehearsal.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Run ids such as {@code 20261123_091500_a1b2}: sortable by time, unique enough for two runs started in the same
 * second, and usable unquoted in database names.
 */
public final class RunId {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
      .withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunId() {}

  public static String next() {
    return FORMAT.format(Instant.now()) + "_" + String.format("%04x", RANDOM.nextInt(0x10000));
  }
}

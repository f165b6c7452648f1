package dev.rehearsal.database;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comments Rehearsal writes on the databases and roles (users) it creates on a server, saying who created them
 * and when; with the {@value #PREFIX} name, they are what {@code clean} recognises. Every server engine writes the
 * same text.
 */
public final class ScratchMarkers {

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** Names of scratch databases and of their roles start with this. */
  public static final String PREFIX = "rehearsal_";
  public static final String DATABASE = "Rehearsal scratch database";
  public static final String ROLE = "Rehearsal scratch role";

  private static final Pattern CREATED = Pattern.compile("created (\\S+)");
  private static final String WHO = who();

  private ScratchMarkers() {}

  /** The comment of a database created now. */
  public static String database(Instant now) {
    return DATABASE + "; created " + now + " by " + WHO + "; drop it with 'rehearse clean' if it is still here";
  }

  /** The comment of a role created now. */
  public static String role(Instant now) {
    return ROLE + "; created " + now + " by " + WHO + "; 'rehearse clean' drops it with its database";
  }

  /** The creation time in a comment that starts with {@code mark}, or null when the comment is not such a marker. */
  public static Instant created(String comment, String mark) {
    if (comment == null || !comment.startsWith(mark + "; ")) {
      return null;
    }
    Matcher m = CREATED.matcher(comment);
    try {
      return m.find() ? Instant.parse(m.group(1)) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A database or role name for {@code label}: lower case, letters, digits and {@code _}, at most 63 bytes. */
  public static String name(String label) {
    String name = PREFIX + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  private static String who() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown host";
    }
    return System.getProperty("user.name") + "@" + host + " pid " + ProcessHandle.current().pid();
  }

  /** 32 characters from a secure random source: letters, digits, {@code -} and {@code _}, safe in a URL. */
  public static String password() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

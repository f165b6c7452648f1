package dev.rehearsal.database.postgres;

import dev.rehearsal.database.ScratchMarkers;
import java.time.Instant;

/** The markers of {@link ScratchMarkers}, under the names this package has always used. */
final class Markers {

  static final String PREFIX = ScratchMarkers.PREFIX;
  static final String DATABASE = ScratchMarkers.DATABASE;
  static final String ROLE = ScratchMarkers.ROLE;

  private Markers() {}

  static String database(Instant now) {
    return ScratchMarkers.database(now);
  }

  static String role(Instant now) {
    return ScratchMarkers.role(now);
  }

  static Instant created(String comment, String mark) {
    return ScratchMarkers.created(comment, mark);
  }

  static String name(String label) {
    return ScratchMarkers.name(label);
  }
}

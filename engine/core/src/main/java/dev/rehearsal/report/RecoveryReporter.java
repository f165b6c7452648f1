package dev.rehearsal.report;

import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.ScenarioResult;
import dev.rehearsal.steps.Recovery;
import dev.rehearsal.steps.RestoredBackup;
import java.time.Duration;
import java.util.Locale;

/**
 * What a scenario run's recovery took, under its result line, for runs that restore a backup file or have an
 * objective: the backup (its format, size, checksum, how far it was verified), what the restore gave, each part's
 * time (with each migration's, for {@code rehearse drill}), and the total against the objective. Times are
 * right-aligned at the line's width.
 *
 * <pre>
 * Recovery on postgres: backups/nightly/shop.dump
 *   backup    pg_dump custom archive, 18.2 KiB, sha256 4be1c0a2e9f1...
 *             unverified: no .sha256 or manifest beside it
 *   restored  4 tables, 12 rows, at version 20250105000000, 10 pending     1.2 s
 *   migrate   10 migrations                                              845 ms
 *     20250106000000_normalise_user_emails.sql                           45 ms
 *   rollback  to 20250105000000                                          320 ms
 *   total     restore + migrate + rollback                                2.4 s
 *   objective 30 min: met
 * </pre>
 */
public final class RecoveryReporter implements RunListener {

  private static final int TIME = 9;

  private final LiveLine line;
  private final boolean everyMigration;

  /** @param everyMigration a line for each migration's time ({@code rehearse drill}), or only the parts */
  public RecoveryReporter(LiveLine line, boolean everyMigration) {
    this.line = line;
    this.everyMigration = everyMigration;
  }

  @Override
  public void scenarioFinished(ScenarioResult result) {
    Recovery recovery = result.recovery();
    if (recovery == null) {
      return;
    }
    RestoredBackup backup = recovery.backup();
    String head = "Recovery on " + result.run().database().name();
    line.println(backup == null ? head : (head + ": " + Fit.middle(LiveLine.printable(backup.file()),
        Math.max(10, line.width() - head.length() - 2))).stripTrailing());
    if (backup != null) {
      row("backup", backup.format() + ", " + RestoredBackup.size(backup.sizeBytes()) + ", sha256 "
          + backup.sha256().substring(0, 12) + "...", null);
      row("", backup.verification().equals("unverified") ? "unverified: no .sha256 or manifest beside it"
          : "verified: " + backup.verification(), null);
      row("restored", backup.tables() + (backup.tables() == 1 ? " table, " : " tables, ") + backup.rows()
          + (backup.rows() == 1 ? " row" : " rows") + ", at version " + backup.version() + ", " + backup.pending()
          + " pending", recovery.restore());
    } else if (recovery.restore() != null) {
      row("restore", "restore steps", recovery.restore());
    }
    int count = recovery.migrations().stream().filter(m -> m.up() != null).toList().size();
    row("migrate", count + (count == 1 ? " migration" : " migrations"), recovery.migrate());
    if (everyMigration) {
      recovery.migrations().stream().filter(m -> m.up() != null)
          .forEach(m -> row(null, LiveLine.printable(m.file()), m.up()));
    }
    if (recovery.rollback() != null) {
      long undone = recovery.migrations().stream().filter(m -> m.down() != null).count();
      row("rollback", undone + (undone == 1 ? " migration" : " migrations"), recovery.rollback());
    }
    row("total", String.join(" + ", recovery.parts().stream().map(Recovery.Part::name).toList()), recovery.total());
    if (recovery.objective() != null) {
      String exceeded = recovery.exceededIn();
      row("objective", Recovery.show(recovery.objective()) + (exceeded == null ? ": met" : ": exceeded during "
          + Recovery.during(exceeded)), null);
    }
  }

  /**
   * A label, a text and a time at the right edge; a text too long for the line is cut in the middle. Without a
   * label, the text is a line under the one before (a migration under {@code migrate}).
   */
  private void row(String label, String text, Duration time) {
    String right = time == null ? "" : " " + String.format(Locale.ROOT, "%" + TIME + "s", Recovery.show(time));
    String left = label == null ? "    " + text : String.format("  %-9s %s", label, text);
    int room = line.width() - right.length();
    if (left.length() > room) {
      left = Fit.middle(left, room);
    }
    line.println(time == null ? left.stripTrailing() : String.format("%-" + room + "s", left) + right);
  }


}

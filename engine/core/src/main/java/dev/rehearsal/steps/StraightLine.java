package dev.rehearsal.steps;

import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ScratchDatabase;
import dev.rehearsal.migrations.Migrator;
import dev.rehearsal.scenario.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a round-trip falls back on when its staircase cannot go on from where it is: the state the round-trip started
 * from, migrated straight (no round-trips) up to a migration. It is a probe database of its own, created on first
 * need and only ever moved forward, so that all the rebuilds of one round-trip together migrate each migration at
 * most once; its state is copied into the step's database with the engine's own backup and restore.
 *
 * <p>The start is an empty database when the round-trip began on one (the {@code rehearse roundtrip} command), and
 * otherwise a backup of the step's database taken when the round-trip began, so rows that earlier steps seeded are
 * part of every rebuilt state.
 */
final class StraightLine implements AutoCloseable {

  private final StepContext context;
  private final Path work;
  /** A backup of the state the round-trip started from, or null when it started from an empty database. */
  private final Path start;
  /** Why there is no straight line (the start could not be backed up), or null. */
  private final String unavailable;
  private ScratchDatabase probe;
  /** The newest migration applied to the probe beyond the start, or null. */
  private BigDecimal version;
  private int copies;

  private StraightLine(StepContext context, Path work, Path start, String unavailable) {
    this.context = context;
    this.work = work;
    this.start = start;
    this.unavailable = unavailable;
  }

  /** The round-trip cannot rebuild a state: it stops, and the migrations after say why. */
  static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * The straight line from the step's database as it is now.
   *
   * @param empty the database holds nothing yet (no table, no changelog): a fresh database is the same start
   */
  static StraightLine from(StepContext context, boolean empty) {
    Path work;
    try {
      work = Files.createTempDirectory("rehearsal-straight-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
    if (empty) {
      return new StraightLine(context, work, null, null);
    }
    Path start = work.resolve("start" + context.database().backups().extension());
    try {
      dump(context, context.scratch().location(), start);
      return new StraightLine(context, work, start, null);
    } catch (DatabaseException e) {
      // Needed only if a migration fails; until then the round-trip goes on without it.
      return new StraightLine(context, work, null, "the state the round-trip started from could not be backed up "
          + "to rebuild it (" + e.getMessage() + ")");
    }
  }

  /**
   * Migrates the probe straight up to and including {@code id} (the migrations of the repository up to it that it
   * does not have yet).
   *
   * @throws dev.rehearsal.migrations.MigrationFailedException when one of them cannot be applied
   * @throws Unavailable when the start could not be backed up
   */
  void advanceTo(BigDecimal id) {
    if (unavailable != null) {
      throw new Unavailable(unavailable);
    }
    if (probe == null) {
      probe = context.database().createScratch("straight_" + System.nanoTime());
      if (start != null) {
        // A first connection creates the database where the engine creates it lazily (a SQLite file).
        try (Connection created = probe.connect()) {
          created.getAutoCommit();
        } catch (SQLException e) {
          throw DatabaseException.of("cannot open the straight-line database " + probe.location(), e);
        }
        context.database().backups().restore(start, probe.location());
      }
    }
    if (version != null && version.compareTo(id) >= 0) {
      return;
    }
    new Migrator(context.repository(), probe).apply(new Target.Id(id));
    version = id;
  }

  /**
   * A working copy of a database in the engine's backup format, written through Rehearsal like every backup (a
   * private temporary file, not one a user restores from, so it gets no checksum or manifest).
   */
  private static void dump(StepContext context, String location, Path file) {
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      context.database().backups().write(location, out);
    } catch (IOException e) {
      throw DatabaseException.failed("cannot write a working copy of " + location + " to " + file + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Replaces the content of the step's database by the probe's.
   *
   * @param release closes the step's own connections to its database first, so the restore has it to itself
   */
  void copyInto(Runnable release) {
    Path copy = work.resolve("copy-" + (++copies) + context.database().backups().extension());
    dump(context, probe.location(), copy);
    release.run();
    context.database().backups().restore(copy, context.scratch().location());
    try {
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      // a temporary file; the directory goes at close
    }
  }

  /** Drops the probe and deletes the files. */
  @Override
  public void close() {
    if (probe != null) {
      probe.close();
    }
    try (Stream<Path> files = Files.walk(work)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // temporary files only
    }
  }
}

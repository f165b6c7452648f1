package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The formats of {@code pg_dump} that a restore takes, told apart by a file's first bytes: the custom archive
 * ({@code --format=custom}, restored with {@code pg_restore}) and the plain SQL script (the default format, restored
 * with {@code psql}). The other formats, and files of other engines, are named as what they look like.
 */
enum PgFormat {
  CUSTOM("pg_dump custom archive"),
  PLAIN("pg_dump plain SQL dump");

  /** Every plain dump starts with this comment, within its first lines. */
  static final String PLAIN_HEADER = "-- PostgreSQL database dump";

  private final String shown;

  PgFormat(String shown) {
    this.shown = shown;
  }

  /** As reports show it. */
  String shown() {
    return shown;
  }

  /**
   * The format of {@code file}.
   *
   * @throws DatabaseException (not infrastructure) when it is none of them, saying what it looks like
   */
  static PgFormat of(Path file) {
    byte[] start = new byte[4096];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(start, 0, start.length);
    } catch (IOException e) {
      throw DatabaseException.failed("cannot read " + file + ": " + e.getMessage(), e);
    }
    String text = new String(start, 0, n, StandardCharsets.ISO_8859_1);
    if (text.startsWith("PGDMP")) {
      return CUSTOM;
    }
    if (text.contains(PLAIN_HEADER)) {
      return PLAIN;
    }
    throw DatabaseException.failed(file + " is not a PostgreSQL dump Rehearsal can restore: " + looksLike(text, n)
        + " — give a pg_dump custom archive (--format=custom) or plain SQL dump (the default format)", null);
  }

  private static String looksLike(String text, int n) {
    if (n == 0) {
      return "it is empty";
    }
    if (text.startsWith("\u001f\u008b")) {
      return "it is compressed with gzip (gunzip it first)";
    }
    if (n > 262 && text.startsWith("ustar", 257)) {
      return "it is a tar archive (pg_dump --format=tar is not supported)";
    }
    if (text.startsWith("SQLite format 3\0")) {
      return "it is a SQLite database file";
    }
    if (text.contains("-- MariaDB dump") || text.contains("-- MySQL dump")) {
      return "it is a MariaDB or MySQL dump";
    }
    return "it does not start as a pg_dump archive ('PGDMP') or plain dump ('" + PLAIN_HEADER + "') does";
  }
}

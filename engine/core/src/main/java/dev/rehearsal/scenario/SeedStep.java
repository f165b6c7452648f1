package dev.rehearsal.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code seed: FILE}, {@code seed: {file: FILE, table: NAME}}, {@code seed: {rows: {TABLE: [ROW...]}}} or
 * {@code seed: {generate: {table: NAME, rows: N, ...}}}: insert fixture data.
 */
public record SeedStep(Fixture fixture, SourcePosition position) implements Step {

  public static final String KEYWORD = "seed";

  public SeedStep {
    Objects.requireNonNull(fixture, "fixture");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String keyword() {
    return KEYWORD;
  }

  @Override
  public String describe() {
    return KEYWORD + " " + fixture.describe();
  }

  /** Where seed data comes from. */
  public sealed interface Fixture {
    String describe();
  }

  /** A SQL script under the fixtures directory, run like a migration script. */
  public record SqlFile(Path file, String shownAs) implements Fixture {
    public SqlFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(shownAs, "shownAs");
    }

    @Override
    public String describe() {
      return shownAs;
    }
  }

  /** A CSV file with a header line; read when the step runs so large files stream. */
  public record CsvFile(Path file, String shownAs, String table) implements Fixture {
    public CsvFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(shownAs, "shownAs");
      Objects.requireNonNull(table, "table");
    }

    @Override
    public String describe() {
      return shownAs;
    }
  }

  /**
   * Rows given in YAML, from a fixture file or inline in the scenario, inserted in the order written.
   *
   * @param file the fixture file they were read from, or null for rows inline in the scenario
   */
  public record Rows(List<TableRows> tables, String shownAs, Path file) implements Fixture {
    public Rows {
      tables = List.copyOf(tables);
      Objects.requireNonNull(shownAs, "shownAs");
    }

    /** Rows inline in the scenario. */
    public Rows(List<TableRows> tables, String shownAs) {
      this(tables, shownAs, null);
    }

    @Override
    public String describe() {
      return shownAs;
    }
  }

  /**
   * Rows generated inside the database, set-based: {@code rows} of them in {@code table}, each column named in
   * {@code columns} by its rule, the others from foreign keys, their type or NULL.
   *
   * @param seed makes the values: the same seed gives the same rows on every engine
   */
  public record Generate(String table, long rows, long seed, List<ColumnRule> columns, SourcePosition position)
      implements Fixture {
    public Generate {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String describe() {
      return "generated rows of " + table;
    }
  }
}

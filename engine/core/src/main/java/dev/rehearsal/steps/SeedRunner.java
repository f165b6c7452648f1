package dev.rehearsal.steps;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.Relation;
import dev.rehearsal.database.Session;
import dev.rehearsal.database.TableLookup;
import dev.rehearsal.scenario.SeedStep;
import dev.rehearsal.scenario.TableRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** {@code seed}: inserts fixture rows (YAML, inline or CSV, with bound parameters) or runs a SQL fixture. */
final class SeedRunner implements StepRunner<SeedStep> {

  @Override
  public String keyword() {
    return SeedStep.KEYWORD;
  }

  @Override
  public Class<SeedStep> stepType() {
    return SeedStep.class;
  }

  @Override
  public StepOutcome run(SeedStep step, StepContext context) {
    SeedStep.Fixture fixture = step.fixture();
    if (fixture instanceof SeedStep.SqlFile sql) {
      String script;
      try {
        script = Files.readString(sql.file(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new StepFailure("cannot read " + sql.shownAs() + ": " + e.getMessage(), e);
      }
      context.scripts().run(script, sql.shownAs(), context.scratch());
      return StepOutcome.done("ran " + sql.shownAs());
    }
    if (fixture instanceof SeedStep.Generate generate) {
      return StepOutcome.done(GeneratedSeed.run(generate, context));
    }
    if (fixture instanceof SeedStep.CsvFile csv) {
      return StepOutcome.done(seedCsv(csv, context));
    }
    SeedStep.Rows rows = (SeedStep.Rows) fixture;
    long[] total = {0};
    // Every table of the fixture in one transaction: a bad row leaves none of the fixture behind.
    try (Session session = context.session()) {
      session.transaction(() -> rows.tables()
          .forEach(table -> total[0] += seedRows(session, table, rows.shownAs())));
    }
    return StepOutcome.done(Words.count(total[0], "row") + " inserted from " + rows.shownAs());
  }

  /** The table a fixture names, resolved as every other table name is; seeding a missing one fails the step. */
  private static Relation target(Session session, String table, String fixture) {
    TableLookup found = session.table(table);
    if (found.relation().isEmpty()) {
      throw new StepFailure("cannot seed " + table + " from " + fixture + ": " + found.missing());
    }
    return found.found();
  }

  /** Rows with the same columns go in one batch; a change of columns starts a new one. */
  private static long seedRows(Session session, TableRows table, String fixture) {
    Relation target = target(session, table.table(), fixture);
    int start = 0;
    List<TableRows.Row> rows = table.rows();
    while (start < rows.size()) {
      List<String> columns = List.copyOf(rows.get(start).values().keySet());
      int end = start;
      List<List<Object>> values = new ArrayList<>();
      while (end < rows.size() && List.copyOf(rows.get(end).values().keySet()).equals(columns)) {
        values.add(new ArrayList<>(rows.get(end).values().values()));
        end++;
      }
      int first = start;
      session.insert(target, columns, values,
          i -> "row at " + rows.get(first + Math.max(i, 1) - 1).position());
      start = end;
    }
    return rows.size();
  }

  /** Loads a CSV fixture: with the engine's bulk loader where there is one, else in batched inserts. */
  private static String seedCsv(SeedStep.CsvFile csv, StepContext context) {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> lines = mapper.readerForListOf(String.class).readValues(csv.file().toFile());
        Session session = context.session()) {
      if (!lines.hasNext()) {
        throw new StepFailure(csv.shownAs() + " is empty — a CSV fixture starts with a header line of column names");
      }
      List<String> header = lines.next();
      for (String column : header) {
        if (!column.strip().matches("[A-Za-z_][A-Za-z0-9_$]*")) {
          throw new StepFailure(csv.shownAs() + ":1: '" + column + "' is not a column name — the first line of a "
              + "CSV fixture names the columns");
        }
      }
      List<String> columns = header.stream().map(String::strip).toList();
      Relation table = target(session, csv.table(), csv.shownAs());
      java.util.OptionalLong copied = session.copyCsv(table, columns, csv.file());
      if (copied.isPresent()) {
        return Words.count(copied.getAsLong(), "row") + " copied into " + csv.table() + " from " + csv.shownAs()
            + " (bulk load)";
      }
      CsvRows rows = new CsvRows(lines, columns.size(), csv.shownAs());
      // A statement that fails before any row (a column the table lacks) is the header's fault: line 1.
      session.transaction(() -> session.insert(table, columns, rows,
          i -> csv.shownAs() + ":" + (i == 0 ? 1 : rows.line(i))));
      return Words.count(rows.count, "row") + " inserted into " + csv.table() + " from " + csv.shownAs();
    } catch (IOException | RuntimeException e) {
      if (e instanceof StepFailure || e instanceof DatabaseException) {
        throw (RuntimeException) e;
      }
      throw new StepFailure("cannot read " + csv.shownAs() + ": " + e.getMessage(), e);
    }
  }

  /** Streams CSV lines as rows; an empty field is NULL. */
  private static final class CsvRows implements Iterable<List<Object>> {
    private final MappingIterator<List<String>> lines;
    private final int width;
    private final String shown;
    private long count;
    /** The first line of each row read so far, by 1-based row index. */
    private int[] lineOfRow = new int[64];

    CsvRows(MappingIterator<List<String>> lines, int width, String shown) {
      this.lines = lines;
      this.width = width;
      this.shown = shown;
    }

    /** The line in the file of the 1-based row {@code index}. */
    int line(int index) {
      return lineOfRow[index - 1];
    }

    private void remember(int line) {
      if (count > lineOfRow.length) {
        lineOfRow = java.util.Arrays.copyOf(lineOfRow, lineOfRow.length * 2);
      }
      lineOfRow[(int) count - 1] = line;
    }

    @Override
    public Iterator<List<Object>> iterator() {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return lines.hasNext();
        }

        @Override
        public List<Object> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          // The row's first line: after next() the location is already past the row's line end.
          int line = lines.getCurrentLocation().getLineNr();
          List<String> fields = lines.next();
          count++;
          remember(line);
          if (fields.size() != width) {
            throw new StepFailure(shown + ":" + line + ": " + fields.size()
                + " fields where the header has " + width + " — every line needs one value per column");
          }
          List<Object> values = new ArrayList<>(fields.size());
          fields.forEach(f -> values.add(f.isEmpty() ? null : f));
          return values;
        }
      };
    }
  }
}

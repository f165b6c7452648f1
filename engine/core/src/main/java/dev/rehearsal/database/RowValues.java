package dev.rehearsal.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a database's or a tool's message the parts that quote the rows it was working on, for scenario runs
 * on restored data (a drill on a copy of production), whose reports must not carry those rows: the {@code DETAIL}
 * and {@code CONTEXT} lines ({@code Key (email)=(...) already exists}, {@code Failing row contains (...)},
 * {@code COPY users, line 3, column email: "..."}), and a value quoted after a colon
 * ({@code invalid input syntax for type integer: "..."}). What the message says happened, and to which table,
 * column and constraint, stays.
 */
public final class RowValues {

  /** What a value is replaced by. */
  public static final String WITHHELD = "(withheld: restored data)";

  private static final Pattern DETAIL_LINE = Pattern.compile("(?im)^(\\s*(?:DETAIL|CONTEXT|WHERE)\\s*:).*$");
  private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=\\(.*?\\)(?= already exists| is duplicated"
      + "| is not present| is still referenced|$)", Pattern.MULTILINE);
  private static final Pattern FAILING_ROW = Pattern.compile("(Failing row contains ).*$", Pattern.MULTILINE);
  private static final Pattern QUOTED_AFTER_COLON = Pattern.compile("(:\\s+)(\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*')");
  private static final Pattern BYTES = Pattern.compile("(invalid byte sequence for encoding \"[^\"]*\": ).*$",
      Pattern.MULTILINE);

  private RowValues() {}

  /** {@code text} without the row values it quotes. */
  public static String masked(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = DETAIL_LINE.matcher(text).replaceAll("$1 " + Matcher.quoteReplacement(WITHHELD));
    masked = KEY.matcher(masked).replaceAll(m -> Matcher.quoteReplacement("Key (" + m.group(1) + ")=" + WITHHELD));
    masked = FAILING_ROW.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(WITHHELD));
    masked = BYTES.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(WITHHELD));
    return QUOTED_AFTER_COLON.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(WITHHELD));
  }
}

package dev.rehearsal.database.postgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A SQL script as {@code psql} reads it — a {@code pg_dump} plain dump, or the script {@code pg_restore} makes of an
 * archive — checked statement by statement, so that a backup Rehearsal did not write cannot reach outside the
 * database it is restored into by what it says: a psql meta-command ({@code \connect}, {@code \!}, {@code \o}, ...),
 * a database, role, tablespace or server-level statement, a change of role, a {@code COPY} from or to a file or
 * program, a transaction of its own, a function call pg_dump does not write. What {@code pg_restore --no-owner
 * --no-privileges} would leave out (ownership, grants) and the lines pg_dump writes for psql alone
 * ({@code \restrict}, {@code BEGIN}/{@code COMMIT} around large objects) are left out; everything else is passed on
 * unchanged to {@code out}, byte for byte. The first statement it refuses ends the script with {@link Refused}.
 *
 * <p>The script is read the way psql's lexer reads it: quoted strings ({@code '...'}, {@code E'...'}), quoted
 * identifiers, dollar quotes and comments hide what is inside them, and the rows after {@code COPY ... FROM stdin;}
 * are data up to the line {@code \.}. Bytes are read one for one as characters (every encoding a server can have
 * keeps ASCII as ASCII), and a switch to a client encoding in which it does not ({@code SJIS}, ...) is refused, as
 * is {@code standard_conforming_strings = off}, so the two readings cannot part.
 */
final class PlainScript extends OutputStream {

  /** The statement the script was refused at, with its line. */
  static final class Refused extends IOException {
    private final int line;

    Refused(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The 1-based line of the script where the statement starts. */
    int line() {
      return line;
    }
  }

  private enum State { NORMAL, BLOCK_COMMENT, STRING, ESCAPE_STRING, IDENTIFIER, DOLLAR, COPY_DATA }

  /** The characters of a statement's text kept for its classification: its start and its end. */
  private static final int HEAD = 4096;
  private static final int TAIL = 512;

  private final OutputStream out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  /** The raw text of the statement being read, from the end of the one before. */
  private final StringBuilder raw = new StringBuilder();
  /** The statement's words outside comments and dollar quotes, spaces collapsed: its start... */
  private final StringBuilder head = new StringBuilder();
  /** ...and its last characters. */
  private final StringBuilder tail = new StringBuilder();
  private State state = State.NORMAL;
  private int depth;
  private String tag;
  private int lineNumber;
  private int statementLine;
  private boolean content;
  /** As psql counts them: a {@code ;} inside parentheses, or in a function's {@code BEGIN ... END}, ends nothing. */
  private int parens;
  private int begins;
  /** The first letters of the statement's first four words where they are create, or, replace, function, procedure. */
  private final char[] words = new char[4];
  private int wordCount;
  private int dropped;

  /** @param out where the statements it keeps go; {@link OutputStream#nullOutputStream()} to check only */
  PlainScript(OutputStream out) {
    this.out = out;
  }

  /** How many statements were left out (ownership, grants, psql's own lines). */
  int dropped() {
    return dropped;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        line.write(bytes, start, i + 1 - start);
        endOfLine();
        start = i + 1;
      }
    }
    line.write(bytes, start, offset + length - start);
  }

  /** The end of the script: a statement, string, comment or COPY block still open means it was cut short. */
  @Override
  public void close() throws IOException {
    if (line.size() > 0) {
      endOfLine();
    }
    if (state == State.COPY_DATA) {
      throw new Refused(statementLine, "the script ends inside the rows of a COPY (no line '\\.' after them): it is "
          + "truncated");
    }
    if (state != State.NORMAL || content) {
      throw new Refused(statementLine, "the script ends inside a statement (" + describe(state)
          + "): it is truncated");
    }
    flushRaw();
    out.flush();
  }

  private void endOfLine() throws IOException {
    lineNumber++;
    byte[] bytes = line.toByteArray();
    line.reset();
    for (byte b : bytes) {
      if (b == 0) {
        // psql reads a line as a C string: it would drop the rest of the line, and read what follows differently.
        throw new Refused(lineNumber, "a NUL byte: psql stops reading a line there, so the rest of the script would "
            + "not be read as it was checked (pg_dump writes none)");
      }
    }
    if (state == State.COPY_DATA) {
      out.write(bytes);
      if (text(bytes).stripTrailing().equals("\\.")) {
        state = State.NORMAL;
      }
      return;
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (state == State.NORMAL && !content && text.stripLeading().startsWith("\\")) {
      metaCommand(text.strip());
      return;
    }
    lex(text);
    if (!content && state == State.NORMAL) {
      flushRaw();
    }
  }

  /** Reads one line outside the rows of a COPY; a statement that ends in it is judged there. */
  private void lex(String text) throws IOException {
    int mark = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      int taken = 1;
      switch (state) {
        case BLOCK_COMMENT -> {
          if (c == '*' && next == '/') {
            taken = 2;
            if (--depth == 0) {
              state = State.NORMAL;
              word(' ');
            }
          } else if (c == '/' && next == '*') {
            taken = 2;
            depth++;
          }
        }
        case STRING, ESCAPE_STRING, IDENTIFIER -> {
          char quote = state == State.IDENTIFIER ? '"' : '\'';
          word(c);
          ambiguous(text, i, c, next);
          if (state == State.ESCAPE_STRING && c == '\\' && next != 0) {
            word(next);
            taken = 2;
          } else if (c == quote && next == quote) {
            word(next);
            taken = 2;
          } else if (c == quote) {
            state = State.NORMAL;
          }
        }
        case DOLLAR -> {
          if (text.startsWith(tag, i)) {
            taken = tag.length();
            state = State.NORMAL;
          }
        }
        default -> {
          if (c == '-' && next == '-') {
            // psql's comment ends at a carriage return as well as at the line's end: what follows it is read.
            int cr = text.indexOf('\r', i);
            i = cr < 0 ? text.length() : cr;
            continue;
          }
          taken = normal(text, i, c, next);
          // Inside parentheses or a function's BEGIN ... END psql sends nothing yet: the statement goes on.
          if (c == ';' && parens == 0 && begins == 0) {
            raw.append(text, mark, i + 1);
            mark = i + 1;
            if (endOfStatement()) {
              String rest = text.substring(i + 1);
              if (!rest.isBlank()) {
                throw new Refused(lineNumber, "text after 'COPY ... FROM stdin;' on its line — the rows start on "
                    + "the next line");
              }
              raw.append(rest);
              flushRaw();
              state = State.COPY_DATA;
              return;
            }
          }
        }
      }
      i += taken;
    }
    raw.append(text, mark, text.length());
  }

  /**
   * Refuses the strings whose end psql could find elsewhere than this reading does: a backslash before a quote in a
   * standard string (with {@code standard_conforming_strings} off, which what a dump runs may switch, it escapes
   * the quote), and a backslash after a non-ASCII byte in an {@code E'...'} string (in a client encoding such as
   * SJIS, which what a dump runs may switch to, that byte and the backslash are one character).
   */
  private void ambiguous(String text, int i, char c, char next) throws Refused {
    if (state == State.STRING && c == '\\' && next == '\'') {
      throw new Refused(lineNumber, "a backslash before a quote in a '...' string: with standard_conforming_strings "
          + "off the string would end elsewhere — write the value as E'...' or dump it in the default COPY format");
    }
    if (state == State.ESCAPE_STRING && c == '\\' && i > 0 && text.charAt(i - 1) >= 0x80) {
      throw new Refused(lineNumber, "a backslash after a non-ASCII byte in an E'...' string: in some client "
          + "encodings the two are one character, and the string would end elsewhere");
    }
  }

  /** One character outside any quote or comment: how many characters it starts (a dollar quote's tag, say). */
  private int normal(String text, int i, char c, char next) throws Refused {
    if (c == '/' && next == '*') {
      state = State.BLOCK_COMMENT;
      depth = 1;
      return 2;
    }
    if (c == '\\') {
      java.util.regex.Matcher command = java.util.regex.Pattern.compile("\\\\([A-Za-z]+|.?)").matcher(text);
      command.find(i);
      throw new Refused(lineNumber, "a psql meta-command in a statement (" + shown(command.group())
          + ") — a restore runs SQL only");
    }
    if (!content && !Character.isWhitespace(c)) {
      content = true;
      statementLine = lineNumber;
    }
    if (c == '(') {
      parens++;
    } else if (c == ')' && parens > 0) {
      parens--;
    } else if (identifierStart(c)) {
      int end = wordAt(text, i);
      if (end > i) {
        keyword(text.substring(i, end));
      }
    }
    if (c == '\'') {
      boolean escape = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
          && (i < 2 || !identifierChar(text.charAt(i - 2)));
      if (escape && i >= 2 && text.charAt(i - 2) == '.') {
        // After '1.' psql reads 'e' as part of the number and the string as a standard one; after 'x.' as E'...'.
        throw new Refused(lineNumber, "a string right after '.e' or '.E': psql may read it as E'...' or as '...', "
            + "which end in different places (pg_dump writes no such string)");
      }
      state = escape ? State.ESCAPE_STRING : State.STRING;
    } else if (c == '"') {
      state = State.IDENTIFIER;
    } else if (c == '$' && i > 0 && identifierChar(text.charAt(i - 1)) && dollarDelimiterAt(text, i)) {
      // After a name psql reads the '$' as part of it; after a number ('1$$') as the start of a dollar quote.
      throw new Refused(lineNumber, "a dollar quote right after a word or number: psql may read it as a quote or "
          + "as part of the word, which end in different places (pg_dump writes a space before its dollar quotes)");
    } else if (c == '$' && (i == 0 || !identifierChar(text.charAt(i - 1)))) {
      int end = i + 1;
      if (end < text.length() && !Character.isDigit(text.charAt(end))) {
        while (end < text.length() && text.charAt(end) != '$' && identifierChar(text.charAt(end))) {
          end++;
        }
      }
      if (end < text.length() && text.charAt(end) == '$') {
        tag = text.substring(i, end + 1);
        state = State.DOLLAR;
        word('$');
        word('$');
        return tag.length();
      }
    }
    word(Character.isWhitespace(c) ? ' ' : c);
    return 1;
  }

  /** A line that starts with a backslash, outside any statement: pg_dump's {@code \restrict} lines are dropped. */
  private void metaCommand(String text) throws IOException {
    String command = text.split("\\s+", 2)[0];
    if ((command.equals("\\restrict") || command.equals("\\unrestrict")) && text.matches("\\\\\\w+ [A-Za-z0-9]+")) {
      // An empty line instead, so that the lines psql names in its errors are the file's.
      out.write('\n');
      dropped++;
      return;
    }
    if (command.equals("\\connect") || command.equals("\\c")) {
      throw new Refused(lineNumber, "\\connect switches to another database: a dump taken with --create, or by "
          + "pg_dumpall — take it with pg_dump without --create (one database, restored into the scratch database)");
    }
    throw new Refused(lineNumber, "the psql meta-command " + shown(command) + " — a restore runs SQL only (pg_dump "
        + "writes no meta-command but \\restrict and \\connect)");
  }

  /** Judges the statement just ended: refused, left out or passed on. True when the rows of a COPY follow. */
  private boolean endOfStatement() throws IOException {
    String statement = statementText();
    String verdict = StatementRules.judge(statement);
    if (verdict != null && !verdict.equals(StatementRules.DROP)) {
      throw new Refused(statementLine, verdict);
    }
    if (verdict != null) {
      dropped++;
      raw.setLength(0);
    } else {
      flushRaw();
    }
    head.setLength(0);
    tail.setLength(0);
    content = false;
    wordCount = 0;
    return StatementRules.copiesFromStdin(statement);
  }

  private String statementText() {
    String text = head.length() < HEAD ? head.toString() : head + " ... " + tail;
    return text.replaceAll(" +", " ").strip();
  }

  private void word(char c) {
    if (c == ' ' && (head.length() == 0 || head.charAt(head.length() - 1) == ' ')) {
      return;
    }
    if (head.length() < HEAD) {
      head.append(c);
    }
    tail.append(c);
    if (tail.length() > 2 * TAIL) {
      tail.delete(0, tail.length() - TAIL);
    }
  }

  private void flushRaw() throws IOException {
    if (raw.length() > 0) {
      out.write(raw.toString().getBytes(StandardCharsets.ISO_8859_1));
      raw.setLength(0);
    }
  }

  /**
   * A word outside quotes and comments, as psql's lexer counts it: in {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}
   * outside parentheses, {@code BEGIN} (and {@code CASE} within it) opens a body that {@code END} closes, and psql
   * does not end the statement at a {@code ;} inside it.
   */
  private void keyword(String word) {
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    if (wordCount == 0) {
      java.util.Arrays.fill(words, (char) 0);
    }
    if (List.of("create", "function", "procedure", "or", "replace").contains(lower) && wordCount < words.length) {
      words[wordCount] = lower.charAt(0);
    }
    wordCount++;
    boolean routine = words[0] == 'c' && (words[1] == 'f' || words[1] == 'p'
        || (words[1] == 'o' && words[2] == 'r' && (words[3] == 'f' || words[3] == 'p')));
    if (routine && parens == 0) {
      if (lower.equals("begin")) {
        begins++;
      } else if (lower.equals("case") && begins > 0) {
        begins++;
      } else if (lower.equals("end") && begins > 0) {
        begins--;
      }
    }
  }

  /**
   * Where the word psql's lexer starts at {@code i} ends, or {@code i} when none starts there: the run of name
   * characters around {@code i} is split as psql splits it — a lone {@code $} ({@code $begin} is $ and begin) or a
   * parameter ({@code $1}) ends where a word begins; a word runs to the end of the run. A number ({@code 1},
   * {@code 1e5}) is split off too ({@code 1begin} as 1 and begin), which psql 15 does not do: counting a BEGIN that
   * psql does not count only keeps a statement open longer here, the side on which more is checked.
   */
  private static int wordAt(String text, int i) {
    int pos = i;
    while (pos > 0 && identifierChar(text.charAt(pos - 1))) {
      pos--;
    }
    while (pos <= i) {
      char c = text.charAt(pos);
      if (Character.isDigit(c)) {
        pos = digits(text, pos);
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
          pos = digits(text, pos + 1);
        }
      } else if (c == '$') {
        pos = digits(text, pos + 1);
      } else {
        int end = pos;
        while (end < text.length() && identifierChar(text.charAt(end))) {
          end++;
        }
        return pos == i ? end : i;
      }
    }
    return i;
  }

  private static int digits(String text, int pos) {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  /** A character that starts a word for psql: a letter, {@code _}, or any non-ASCII byte. */
  private static boolean identifierStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
  }

  /** Whether a dollar-quote delimiter ({@code $$}, {@code $tag$}) starts at {@code i}, as psql's lexer reads one. */
  private static boolean dollarDelimiterAt(String text, int i) {
    int end = i + 1;
    if (end < text.length() && !Character.isDigit(text.charAt(end))) {
      while (end < text.length() && text.charAt(end) != '$' && identifierChar(text.charAt(end))) {
        end++;
      }
    }
    return end < text.length() && text.charAt(end) == '$';
  }

  private static boolean identifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * What a refused statement is, for a message: its first words, as long as they are plain words (keywords, names),
   * never what follows them, which may be a value from the dump's rows.
   */
  static String keywords(String statement) {
    java.util.regex.Matcher words = java.util.regex.Pattern.compile("^(\\s*[A-Za-z_][A-Za-z0-9_]*){1,3}")
        .matcher(statement);
    return words.find() ? words.group().strip().replaceAll("\\s+", " ") + " ..."
        : "a statement";
  }

  /** A piece of the script in a message: printable ASCII only, and short. */
  static String shown(String text) {
    StringBuilder shown = new StringBuilder();
    for (char c : text.toCharArray()) {
      shown.append(c >= 0x20 && c < 0x7f ? c : '?');
      if (shown.length() >= 60) {
        shown.append("...");
        break;
      }
    }
    return "'" + shown + "'";
  }

  private static String describe(State state) {
    return switch (state) {
      case BLOCK_COMMENT -> "an open /* comment";
      case STRING, ESCAPE_STRING -> "an open quoted string";
      case IDENTIFIER -> "an open quoted name";
      case DOLLAR -> "an open dollar-quoted body";
      default -> "no ';' after the last statement";
    };
  }
}

package dev.rehearsal.text;

/**
 * Text that came from input (scenario names, file names, keys, values, SQL error messages, query results) as every
 * reporter shows it: control characters escaped, so nothing read from a file or a database can move the cursor,
 * clear a terminal, set its title, open a hyperlink, reorder text (bidirectional overrides) or start a line of its
 * own that looks like Rehearsal's (a {@code PASS ...} or totals line). The one place every reporter, log formatter
 * and error printer escapes through.
 *
 * <p>Escapes: {@code \n}, {@code \r}, {@code \t}, and {@code \}{@code u} with four hex digits for the rest
 * ({@code \}{@code u001b} for ESC), as in JSON. A backslash that is already in the text is left as it is: the
 * escaping keeps output honest, it is not meant to be reversed (the JSON summaries keep the raw text).
 */
public final class Shown {

  private Shown() {}

  /** One line: every control character escaped, line breaks included. */
  public static String line(String text) {
    return escape(text, false, false);
  }

  /**
   * Several lines: line breaks ({@code \n}, {@code \r\n}) kept as {@code \n}, tabs kept, every other control
   * character escaped. Reporters indent every line after the first, so none can pass for a record of its own.
   */
  public static String lines(String text) {
    return escape(text, true, true);
  }

  /**
   * Text for an XML document (JUnit XML): as {@link #lines}, which also escapes every character XML 1.0 does not
   * allow ({@code NUL}, {@code ESC}, unpaired surrogates, U+FFFE, U+FFFF), so the document is always well-formed.
   * The XML writer escapes {@code <}, {@code &} and quotes as usual.
   */
  public static String xml(String text) {
    return lines(text);
  }

  /** Text for a Markdown table cell or heading: one line, HTML ({@code <}, {@code >}, {@code &}) escaped. */
  public static String html(String text) {
    return line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** {@code text} on lines that all but the first start with {@code indent}: one record, however many lines. */
  public static String indented(String text, String indent) {
    return lines(text).replace("\n", "\n" + indent);
  }

  private static String escape(String text, boolean keepLineBreaks, boolean keepTabs) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      String replacement = null;
      if (c == '\n') {
        replacement = keepLineBreaks ? null : "\\n";
      } else if (c == '\r') {
        boolean crlf = i + 1 < length && text.charAt(i + 1) == '\n';
        replacement = keepLineBreaks && crlf ? "" : "\\r";
      } else if (c == '\t') {
        replacement = keepTabs ? null : "\\t";
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      } else if (unsafe(c)) {
        replacement = String.format("\\u%04x", (int) c);
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(length + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * C0 and C1 controls and DEL; the bidirectional embedding, override and isolate controls and the marks; the line
   * and paragraph separators; unpaired surrogates and the two non-characters XML refuses.
   */
  private static boolean unsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)
        || c == 0xfffe || c == 0xffff;
  }
}

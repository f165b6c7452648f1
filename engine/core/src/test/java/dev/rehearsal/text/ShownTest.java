package dev.rehearsal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** How input is shown: control, bidirectional and XML-invalid characters escaped; everything else as it is. */
class ShownTest {

  @Test
  void plainTextIsShownAsItIs() {
    String text = "Ada Lovelace — ü, 中文, emoji \uD83D\uDE00, a\\b";
    assertSame(text, Shown.line(text));
    assertSame(text, Shown.xml(text));
  }

  @Test
  void aLineEscapesEveryControlCharacterLineBreaksIncluded() {
    assertEquals("a\\nPASS\\r\\tb\\u001b[2J\\u0007\\u0000\\u007f\\u009b",
        Shown.line("a\nPASS\r\tb\u001b[2J\u0007\u0000\u007f\u009b"));
  }

  @Test
  void bidirectionalOverridesAndLineSeparatorsAreEscaped() {
    assertEquals("admin\\u202egpj.exe \\u2066x\\u2069 \\u2028", Shown.line("admin\u202egpj.exe \u2066x\u2069 \u2028"));
  }

  @Test
  void linesKeepLineBreaksAndEscapeTheRest() {
    assertEquals("first\nsecond\\u001b[K\nthird\\r", Shown.lines("first\r\nsecond\u001b[K\nthird\r"));
    assertEquals("first\n    second", Shown.indented("first\nsecond", "    "));
  }

  @Test
  void xmlKeepsTabsAndLineBreaksAndEscapesWhatXmlRefuses() {
    assertEquals("a\tb\nc\\u0000\\u001b\\ufffe\\ud800", Shown.xml("a\tb\nc\u0000\u001b\ufffe\ud800"));
  }

  @Test
  void htmlIsEscapedForMarkdown() {
    assertEquals("&lt;img src=x onerror=alert(1)&gt; &amp;amp;\\n", Shown.html("<img src=x onerror=alert(1)> &amp;\n"));
  }

  @Test
  void aLogRecordIsOneLineWhateverItsMessage() {
    LogRecord record = new LogRecord(Level.WARNING, "could not drop {0}");
    record.setParameters(new Object[] {"x\nWARNING forged\u001b[2J"});
    record.setLoggerName("dev.rehearsal.test");

    String line = new LogFormatter().format(record);

    assertEquals(1, line.lines().count(), line);
    assertEquals("WARNING dev.rehearsal.test: could not drop x\\nWARNING forged\\u001b[2J",
        line.substring(line.indexOf(' ') + 1).strip());
  }
}

package dev.rehearsal.text;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log record per line, whatever its message holds: {@code <time> <LEVEL> <logger>: <message>}, the message
 * escaped as {@link Shown#line}; a stack trace (with {@code --debug}) follows on indented lines, escaped too.
 */
public final class LogFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    StringBuilder text = new StringBuilder()
        .append(Instant.ofEpochMilli(record.getMillis())).append(' ').append(record.getLevel().getName()).append(' ')
        .append(record.getLoggerName()).append(": ").append(Shown.line(formatMessage(record)))
        .append(System.lineSeparator());
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      trace.toString().lines().forEach(line -> text.append("    ").append(Shown.lines(line))
          .append(System.lineSeparator()));
    }
    return text.toString();
  }
}

package dev.rehearsal.cli;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.launcher.TagFilter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks {@code --tags} and {@code --name} before anything is discovered, so a typo is a usage error naming the
 * option (the engine checks its parameters too, for Maven and IDE users, in its own words).
 */
final class Filters {

  private Filters() {}

  static void check(CommandLine commandLine, String tags, String name) {
    if (tags != null) {
      try {
        TagFilter.includeTags(tags);
      } catch (JUnitException e) {
        throw new ParameterException(commandLine, "Invalid value for option '--tags': " + e.getMessage()
            + " — write a tag expression such as 'rollback & !slow'");
      }
    }
    if (name != null) {
      try {
        Pattern.compile(name);
      } catch (PatternSyntaxException e) {
        throw new ParameterException(commandLine, "Invalid value for option '--name': '" + name
            + "' is not a regular expression (" + e.getDescription() + ")");
      }
    }
  }
}

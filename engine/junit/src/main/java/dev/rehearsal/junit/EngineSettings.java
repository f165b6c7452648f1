package dev.rehearsal.junit;

import dev.rehearsal.database.Database;
import dev.rehearsal.run.Project;
import dev.rehearsal.run.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;

/**
 * What one discovery and the execution after it use: the project, the databases, the selection (tags, name,
 * shard), how to run and which reports the engine writes itself.
 *
 * @param scenarios paths of {@link Constants#SCENARIOS}, resolved against the project root
 * @param tags a filter over the scenarios' tags, or null for every scenario
 * @param name a pattern a scenario's name or file must contain, or null
 * @param shard the share of the runs to keep, or null for all
 * @param junitXml the JUnit XML report's file, or null
 * @param markdown the Markdown summary's file, or null
 */
record EngineSettings(Project project, List<Database> databases, List<Path> scenarios, PostDiscoveryFilter tags,
    Pattern name, Shard shard, RunOptions options, boolean terminal, boolean json, Path junitXml, Path markdown) {

  /** The settings, or empty when a parameter or the project's configuration is invalid (each is reported). */
  static Optional<EngineSettings> read(ConfigurationParameters parameters, Map<String, String> environment,
      DiscoveryIssueReporter issues) {
    Optional<Project> opened = new ProjectParameters(parameters, environment, issues).open();
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    Project project = opened.get();
    Path root = project.config().projectRoot();
    Reader reader = new Reader(parameters, issues);
    List<Database> databases = reader.databases(project);
    PostDiscoveryFilter tags = reader.tags();
    Pattern name = reader.name();
    Shard shard = reader.shard();
    RunOptions options = new RunOptions(reader.flag(Constants.KEEP, false),
        reader.flag(Constants.UPDATE_SNAPSHOTS, false), jobs(parameters).orElseGet(() -> {
          reader.fail(Constants.JOBS + ": must be a whole number of at least 1, found '"
              + parameters.get(Constants.JOBS).orElse("") + "'");
          return 1;
        }), reader.flag(Constants.CACHE, true));
    boolean terminal = reader.flag(Constants.REPORTS_TERMINAL, true);
    boolean json = reader.flag(Constants.REPORTS_JSON, true);
    List<Path> scenarios = reader.existing(Constants.SCENARIOS, root);
    if (reader.failed) {
      return Optional.empty();
    }
    return Optional.of(new EngineSettings(project, databases, scenarios, tags, name,
        shard, options, terminal, json, reader.file(Constants.REPORTS_JUNIT_XML, root),
        reader.file(Constants.REPORTS_MARKDOWN, root)));
  }

  /** {@link Constants#JOBS}, or empty when it is not a whole number of at least 1. */
  static Optional<Integer> jobs(ConfigurationParameters parameters) {
    Optional<String> text = parameters.get(Constants.JOBS).map(String::strip);
    if (text.isEmpty()) {
      return Optional.of(1);
    }
    try {
      int jobs = Integer.parseInt(text.get());
      return jobs >= 1 ? Optional.of(jobs) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Reads and checks single parameters; a bad value is reported and makes {@link #failed} true. */
  private static final class Reader {

    private final ConfigurationParameters parameters;
    private final DiscoveryIssueReporter issues;
    private boolean failed;

    Reader(ConfigurationParameters parameters, DiscoveryIssueReporter issues) {
      this.parameters = parameters;
      this.issues = issues;
    }

    List<String> list(String key) {
      return parameters.get(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .toList()).orElse(List.of());
    }

    /** The paths of a list parameter, resolved against {@code root}; each must exist. */
    List<Path> existing(String key, Path root) {
      List<Path> paths = list(key).stream().map(p -> root.resolve(p).normalize()).toList();
      for (Path path : paths) {
        if (!Files.exists(path)) {
          fail(key + ": " + path + " not found — create it, or name the scenario files and directories that "
              + "exist (relative to the project root " + root + ")");
        }
      }
      return paths;
    }

    List<Database> databases(Project project) {
      List<String> names = list(Constants.DATABASES);
      List<String> configured = project.config().databaseNames();
      for (String name : names) {
        if (!configured.contains(name)) {
          fail(Constants.DATABASES + ": unknown database '" + name + "' — configured: " + String.join(", ",
              configured));
        }
      }
      return failed ? List.of() : project.databases(names);
    }

    PostDiscoveryFilter tags() {
      Optional<String> expression = parameters.get(Constants.TAGS).filter(s -> !s.isBlank());
      try {
        return expression.map(TagFilter::includeTags).orElse(null);
      } catch (JUnitException e) {
        fail(Constants.TAGS + ": '" + expression.get() + "' is not a tag expression (" + e.getMessage()
            + ") — write one such as 'rollback & !slow'");
        return null;
      }
    }

    Pattern name() {
      Optional<String> regex = parameters.get(Constants.NAME).filter(s -> !s.isBlank());
      try {
        return regex.map(Pattern::compile).orElse(null);
      } catch (PatternSyntaxException e) {
        fail(Constants.NAME + ": '" + regex.get() + "' is not a regular expression — " + e.getDescription());
        return null;
      }
    }

    Shard shard() {
      Optional<String> text = parameters.get(Constants.SHARD).filter(s -> !s.isBlank());
      try {
        return text.map(Shard::parse).orElse(null);
      } catch (IllegalArgumentException e) {
        fail(Constants.SHARD + ": " + e.getMessage());
        return null;
      }
    }

    boolean flag(String key, boolean fallback) {
      Optional<String> value = parameters.get(key).map(String::strip);
      if (value.isPresent() && !value.get().equals("true") && !value.get().equals("false")) {
        fail(key + ": must be true or false, found '" + value.get() + "'");
      }
      return value.map(Boolean::parseBoolean).orElse(fallback);
    }

    Path file(String key, Path root) {
      return parameters.get(key).filter(s -> !s.isBlank()).map(f -> root.resolve(f.strip()).normalize())
          .orElse(null);
    }

    private void fail(String message) {
      issues.reportIssue(Issues.error(message));
      failed = true;
    }
  }
}

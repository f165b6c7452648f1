package dev.rehearsal.junit;

import dev.rehearsal.config.ConfigLoader;
import dev.rehearsal.config.ProjectException;
import dev.rehearsal.config.ProjectLocator;
import dev.rehearsal.run.Project;
import dev.rehearsal.scenario.Hints;
import dev.rehearsal.scenario.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Opens the project the configuration parameters point at: {@link Constants#PROJECT_DIR}, and the
 * {@code rehearsal.yaml} keys given with the {@value Constants#PREFIX} prefix as overrides.
 */
final class ProjectParameters {

  private static final String DATABASES = dev.rehearsal.config.Constants.DATABASES_PREFIX;

  private final ConfigurationParameters parameters;
  private final Map<String, String> environment;
  private final DiscoveryIssueReporter issues;

  ProjectParameters(ConfigurationParameters parameters, Map<String, String> environment,
      DiscoveryIssueReporter issues) {
    this.parameters = parameters;
    this.environment = environment;
    this.issues = issues;
  }

  /** The project, or empty when its configuration is invalid (every problem is reported). */
  Optional<Project> open() {
    Path root;
    try {
      root = root();
    } catch (ProjectException e) {
      issues.reportIssue(Issues.error(e.getMessage()));
      return Optional.empty();
    }
    try {
      Set<String> names = databaseNames(root);
      Set<String> unknown = unknownKeys(names);
      if (!unknown.isEmpty()) {
        List<String> known = knownKeys(names);
        unknown.forEach(key -> issues.reportIssue(Issues.error("unknown configuration parameter '" + key
            + "' — " + Hints.closest(key, known).map(k -> "did you mean '" + k + "'?")
                .orElse("the engine's own are " + String.join(", ", Constants.ENGINE_KEYS) + "; any other must be "
                    + Constants.PREFIX + "KEY for a rehearsal.yaml KEY such as " + Constants.PREFIX
                    + dev.rehearsal.config.Constants.REPORTS))));
        return Optional.empty();
      }
      return Optional.of(Project.open(root, overrides(names)));
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> issues.reportIssue(Issues.error(p, root)));
      return Optional.empty();
    }
  }

  /**
   * {@link Constants#PROJECT_DIR}, else the nearest directory at or above the working directory with a
   * {@code rehearsal.yaml}.
   *
   * @throws ProjectException when there is none
   */
  Path root() {
    Path configured = parameters.get(Constants.PROJECT_DIR).filter(s -> !s.isBlank()).map(s -> Path.of(s.strip()))
        .orElse(null);
    return ProjectLocator.locate(configured, Path.of("").toAbsolutePath(), Constants.PROJECT_DIR);
  }

  /** The configured database names, and any a parameter names; the file's problems surface in Project.open. */
  private Set<String> databaseNames(Path root) {
    // With the path overrides already: paths.allow_outside_project decides whether the file's paths are valid.
    Map<String, String> paths = new LinkedHashMap<>(overrides(Set.of()));
    paths.keySet().retainAll(dev.rehearsal.config.Constants.PATH_KEYS);
    Set<String> names = new LinkedHashSet<>(ConfigLoader.load(root, paths).databaseNames());
    for (String key : parameters.keySet()) {
      String[] parts = key.split("\\.");
      if (key.startsWith(Constants.PREFIX + DATABASES) && parts.length == 4) {
        names.add(parts[2]);
      }
    }
    return names;
  }

  private Map<String, String> overrides(Set<String> databaseNames) {
    Map<String, String> overrides = new LinkedHashMap<>();
    String postgresUrl = environment.get(dev.rehearsal.config.Constants.POSTGRES_URL_VARIABLE);
    if (postgresUrl != null && !postgresUrl.isBlank()) {
      overrides.put(DATABASES + dev.rehearsal.config.Constants.POSTGRES + "."
          + dev.rehearsal.config.Constants.DATABASE_URL, postgresUrl);
    }
    for (String key : yamlKeys(databaseNames)) {
      parameters.get(Constants.PREFIX + key).ifPresent(value -> overrides.put(key, value.strip()));
    }
    return overrides;
  }

  private static List<String> yamlKeys(Set<String> databaseNames) {
    List<String> keys = new ArrayList<>(dev.rehearsal.config.Constants.PATH_KEYS);
    for (String name : databaseNames) {
      for (String key : dev.rehearsal.config.Constants.DATABASE_KEYS) {
        keys.add(DATABASES + name + "." + key);
      }
    }
    return keys;
  }

  /** Every parameter the engine knows: its own, and each rehearsal.yaml key with the prefix. */
  private static List<String> knownKeys(Set<String> databaseNames) {
    List<String> known = new ArrayList<>(Constants.ENGINE_KEYS);
    yamlKeys(databaseNames).forEach(key -> known.add(Constants.PREFIX + key));
    return known;
  }

  private Set<String> unknownKeys(Set<String> databaseNames) {
    List<String> known = knownKeys(databaseNames);
    Set<String> unknown = new LinkedHashSet<>();
    parameters.keySet().stream().filter(k -> k.startsWith(Constants.PREFIX)).filter(k -> !known.contains(k))
        .sorted().forEach(unknown::add);
    return unknown;
  }
}

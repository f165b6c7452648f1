package dev.rehearsal.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.rehearsal.scenario.Problem;
import dev.rehearsal.scenario.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.io.Resource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Finds scenario files: a directory selects every {@code *.yaml}/{@code *.yml} under it, a classpath resource is
 * the file or directory it is on disk, and a unique id selects its scenario file, or one run of it (a single step
 * runs with its whole scenario run: it depends on the steps before it).
 */
final class ScenarioResolver implements SelectorResolver {

  private final ScenarioTree tree;
  private final DiscoveryIssueReporter issues;

  ScenarioResolver(ScenarioTree tree, DiscoveryIssueReporter issues) {
    this.tree = tree;
    this.issues = issues;
  }

  static boolean isScenario(Path path) {
    return path.getFileName() != null && path.getFileName().toString().matches("(?s).*\\.ya?ml");
  }

  @Override
  public Resolution resolve(DirectorySelector selector, Context context) {
    Path directory = selector.getPath();
    if (!Files.isDirectory(directory)) {
      return missing(directory);
    }
    Set<DiscoverySelector> files = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.filter(Files::isRegularFile).filter(ScenarioResolver::isScenario).sorted()
          .forEach(file -> files.add(selectFile(file.toFile())));
    } catch (IOException | UncheckedIOException e) {
      issues.reportIssue(Issues.error("cannot list " + directory + ": " + e.getMessage()));
      return Resolution.unresolved();
    }
    return files.isEmpty() ? Resolution.unresolved() : Resolution.selectors(files);
  }

  @Override
  public Resolution resolve(FileSelector selector, Context context) {
    Path file = selector.getPath();
    if (!isScenario(file)) {
      return Resolution.unresolved();
    }
    if (!Files.isRegularFile(file)) {
      return missing(file);
    }
    return tree.add(file, Optional.empty()).map(d -> Resolution.match(Match.exact(d)))
        .orElseGet(Resolution::unresolved);
  }

  @Override
  public Resolution resolve(ClasspathResourceSelector selector, Context context) {
    Set<? extends Resource> resources;
    try {
      resources = selector.getResources();
    } catch (JUnitException e) {
      issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, e.getMessage())
          .source(ClasspathResourceSource.from(selector.getClasspathResourceName())));
      return Resolution.unresolved();
    }
    Set<DiscoverySelector> selectors = new LinkedHashSet<>();
    for (Resource resource : resources) {
      URI uri = resource.getUri();
      if (!"file".equals(uri.getScheme())) {
        issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, "scenario resource "
            + resource.getName() + " is inside " + uri.getScheme() + ":" + uri.getSchemeSpecificPart()
            + ", not a directory — scenarios run from files: select the directory or keep the scenarios out of"
            + " jars").source(ClasspathResourceSource.from(resource.getName())));
        continue;
      }
      Path path = Path.of(uri);
      selectors.add(Files.isDirectory(path) ? selectDirectory(path.toFile()) : selectFile(path.toFile()));
    }
    return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
  }

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
    Optional<String> file = segment(segments, ScenarioFileDescriptor.SEGMENT);
    if (file.isEmpty()) {
      return Resolution.unresolved();
    }
    Optional<String> database = segment(segments, ScenarioRunDescriptor.SEGMENT);
    Path path = tree.root().resolve(file.get()).normalize();
    if (!Files.isRegularFile(path)) {
      return missing(path);
    }
    return tree.add(path, database).map(d -> Resolution.match(Match.exact(d))).orElseGet(Resolution::unresolved);
  }

  private static Optional<String> segment(List<UniqueId.Segment> segments, String type) {
    return segments.stream().filter(s -> s.getType().equals(type)).map(UniqueId.Segment::getValue).findFirst();
  }

  private Resolution missing(Path path) {
    issues.reportIssue(Issues.error(new Problem(SourcePosition.startOf(tree.shown(path)),
        "no such file or directory — give scenario files or directories"), tree.root()));
    return Resolution.unresolved();
  }
}

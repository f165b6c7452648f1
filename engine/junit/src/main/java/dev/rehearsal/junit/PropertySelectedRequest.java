package dev.rehearsal.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * The request with the paths of {@link Constants#SCENARIOS} as its selectors, used when the request itself selects
 * nothing this engine reads: Surefire without a suite selects only classes. When files or directories are
 * selected (an IDE running one file), those win, so the parameter cannot turn "run this file" into "run all".
 */
final class PropertySelectedRequest implements EngineDiscoveryRequest {

  private final EngineDiscoveryRequest request;
  private final List<DiscoverySelector> selectors;

  private PropertySelectedRequest(EngineDiscoveryRequest request, List<DiscoverySelector> selectors) {
    this.request = request;
    this.selectors = selectors;
  }

  static EngineDiscoveryRequest of(EngineDiscoveryRequest request, List<Path> scenarios) {
    boolean selectsScenarios = !request.getSelectorsByType(FileSelector.class).isEmpty()
        || !request.getSelectorsByType(DirectorySelector.class).isEmpty()
        || !request.getSelectorsByType(ClasspathResourceSelector.class).isEmpty()
        || !request.getSelectorsByType(UniqueIdSelector.class).isEmpty();
    if (selectsScenarios || scenarios.isEmpty()) {
      return request;
    }
    return new PropertySelectedRequest(request, scenarios.stream()
        .map(p -> Files.isDirectory(p) ? selectDirectory(p.toFile()) : selectFile(p.toFile()))
        .collect(Collectors.toList()));
  }

  /**
   * Whether anything in the request could be a scenario: a YAML file, a directory, a classpath resource that is
   * a YAML file or a directory, a unique id of this engine, or {@link Constants#SCENARIOS}.
   */
  static boolean mayHoldScenarios(EngineDiscoveryRequest request, UniqueId engineId) {
    return request.getConfigurationParameters().get(Constants.SCENARIOS).filter(s -> !s.isBlank()).isPresent()
        || request.getSelectorsByType(FileSelector.class).stream()
            .anyMatch(s -> ScenarioResolver.isScenario(Path.of(s.getRawPath())))
        || !request.getSelectorsByType(DirectorySelector.class).isEmpty()
        || request.getSelectorsByType(ClasspathResourceSelector.class).stream()
            .map(s -> s.getClasspathResourceName().replaceAll("/+$", ""))
            .anyMatch(name -> name.matches(".*\\.ya?ml") || !name.substring(name.lastIndexOf('/') + 1).contains("."))
        || request.getSelectorsByType(UniqueIdSelector.class).stream()
            .anyMatch(s -> s.getUniqueId().hasPrefix(engineId));
  }

  @Override
  public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> selectorType) {
    return selectors.stream().filter(selectorType::isInstance).map(selectorType::cast).toList();
  }

  @Override
  public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> filterType) {
    return request.getFiltersByType(filterType);
  }

  @Override
  public ConfigurationParameters getConfigurationParameters() {
    return request.getConfigurationParameters();
  }

  @Override
  public EngineDiscoveryListener getDiscoveryListener() {
    return request.getDiscoveryListener();
  }

  @Override
  public OutputDirectoryCreator getOutputDirectoryCreator() {
    return request.getOutputDirectoryCreator();
  }
}

package dev.rehearsal.junit;

import dev.rehearsal.migrations.RepositoryException;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.scenario.ReadContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;

/**
 * The {@code rehearsal} {@link org.junit.platform.engine.TestEngine}: scenario files are containers, each scenario
 * on each database is a container, each step is a test.
 *
 * <p>Discovers scenario files from file, directory, classpath resource and unique id selectors, or from
 * {@link Constants#SCENARIOS}; configuration parameters are listed in {@link Constants}. Invalid files and settings
 * become discovery issues with their file and line, never exceptions. Execution is one interpreter run of
 * rehearsal-core over the tree, so the JSON summaries, the terminal lines and the verdicts are those of
 * {@code rehearse run}, which drives this engine through the JUnit Platform Launcher.
 *
 * <p>Built on the hierarchical engine support because its node lifecycle matches the interpreter's: the root
 * begins and finishes a run, a scenario run container creates its scratch database before its steps and drops it
 * after them, and steps run one at a time in order. Scenario runs go one at a time, or several at once with
 * {@code rehearsal.jobs}; events reach listeners in plan order either way.
 */
public final class RehearsalTestEngine extends HierarchicalTestEngine<ExecutionContext> {

  private final RunListener listener;
  private final Map<String, String> environment;

  /** The engine as the JUnit Platform finds it on the class path. */
  public RehearsalTestEngine() {
    this(new RunListener() {}, System.getenv());
  }

  /**
   * An engine that also reports every run to {@code listener}, for launchers that show results themselves.
   *
   * @param environment where {@code REHEARSAL_POSTGRES_URL} is looked up
   */
  public RehearsalTestEngine(RunListener listener, Map<String, String> environment) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String getId() {
    return Constants.ENGINE_ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("dev.rehearsal");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("rehearsal-junit");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    if (!PropertySelectedRequest.mayHoldScenarios(request, uniqueId)) {
      // Surefire and IDEs ask every engine on the class path about every class: answer without opening a project.
      return new RehearsalEngineDescriptor(uniqueId, null, listener);
    }
    DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(
        DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId));
    try {
      return discover(request, uniqueId, issues);
    } catch (RuntimeException e) {
      // A bug of ours, not a problem of the scenarios: still an issue, so the other engines' tests run.
      issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, "internal error while reading "
          + "scenarios (" + e + ") — please report it with the stack trace").cause(e));
      return new RehearsalEngineDescriptor(uniqueId, null, listener);
    }
  }

  private TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId,
      DiscoveryIssueReporter issues) {
    Optional<EngineSettings> settings = EngineSettings.read(request.getConfigurationParameters(), environment,
        issues);
    Optional<ReadContext> context = settings.flatMap(s -> readContext(s, issues));
    if (context.isEmpty()) {
      return new RehearsalEngineDescriptor(uniqueId, null, listener);
    }
    RehearsalEngineDescriptor engine = new RehearsalEngineDescriptor(uniqueId, settings.get(), listener);
    ScenarioTree tree = new ScenarioTree(engine, settings.get().databases(), context.get(), issues);
    EngineDiscoveryRequestResolver.<RehearsalEngineDescriptor>builder()
        .addSelectorResolver(new ScenarioResolver(tree, issues))
        .build()
        .resolve(PropertySelectedRequest.of(request, settings.get().scenarios()), engine, issues);
    RunSelection.apply(engine, settings.get());
    return engine;
  }

  /**
   * What scenarios are checked against; the migrations repository is read for its ids, and with the environment of
   * every selected database, so that a missing environment file is a problem of the project found before any run.
   */
  private static Optional<ReadContext> readContext(EngineSettings settings, DiscoveryIssueReporter issues) {
    try {
      settings.databases().forEach(settings.project()::repository);
      return Optional.of(settings.project().readContext());
    } catch (RepositoryException e) {
      issues.reportIssue(Issues.error(e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * With {@link Constants#JOBS} above 1, scenario runs execute on a fork-join pool of that size (steps of one run
   * stay on one thread, in order); otherwise everything runs on the calling thread.
   *
   * <p>The pool never grows past that size: a fork-join pool adds threads for workers that block in a join (scenario
   * runs waiting for the same cached state do), which let fifty runs of {@code --jobs 2} open fifty databases at once.
   * At the maximum it keeps blocking instead (the saturate predicate), and the waiting runs resume when the state is
   * built.
   */
  @Override
  protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
    int jobs = EngineSettings.jobs(request.getConfigurationParameters()).orElse(1);
    if (jobs == 1) {
      return super.createExecutorService(request);
    }
    return new ForkJoinPoolHierarchicalTestExecutorService(new ParallelExecutionConfiguration() {
      @Override
      public int getParallelism() {
        return jobs;
      }

      @Override
      public int getMinimumRunnable() {
        return jobs;
      }

      @Override
      public int getMaxPoolSize() {
        return jobs;
      }

      @Override
      public Predicate<? super ForkJoinPool> getSaturatePredicate() {
        return pool -> true;
      }

      @Override
      public int getCorePoolSize() {
        return jobs;
      }

      @Override
      public int getKeepAliveSeconds() {
        return 30;
      }
    });
  }

  @Override
  protected ExecutionContext createExecutionContext(ExecutionRequest request) {
    return ExecutionContext.empty();
  }
}

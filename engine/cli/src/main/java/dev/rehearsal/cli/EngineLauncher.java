package dev.rehearsal.cli;

import dev.rehearsal.junit.RehearsalTestEngine;
import dev.rehearsal.run.RunListener;
import dev.rehearsal.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherConstants;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Discovers and runs scenarios with the {@code rehearsal} engine through the JUnit Platform Launcher, the code path
 * Maven, Gradle and IDEs take. Only that engine is registered, and only the parameters given apply (no
 * {@code junit-platform.properties}, no system properties), so what the command runs depends on its options alone.
 */
final class EngineLauncher {

  private final Launcher launcher;
  private final Map<String, String> parameters;
  private final List<DiscoverySelector> selectors;
  private final List<DiscoveryIssue> issues = new ArrayList<>();

  /** @param listener receives the run's events (terminal lines, reports), as the engine's own reports would */
  EngineLauncher(List<DiscoverySelector> selectors, Map<String, String> parameters, RunListener listener,
      Map<String, String> environment) {
    this.selectors = List.copyOf(selectors);
    this.parameters = Map.copyOf(parameters);
    this.launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .addTestEngines(new RehearsalTestEngine(listener, environment))
        .build());
  }

  /** The plan the engine discovered; its issues are in {@link #issues()}. */
  TestPlan discover() {
    issues.clear();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .configurationParameters(parameters)
        // Issues are shown by the command, and a plan with errors is never executed.
        .configurationParameter(LauncherConstants.DISCOVERY_ISSUE_FAILURE_PHASE_PROPERTY_NAME, "execution")
        .enableImplicitConfigurationParameters(false)
        .listeners(new LauncherDiscoveryListener() {
          @Override
          public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
            issues.add(issue);
          }
        })
        .build();
    return launcher.discover(request);
  }

  List<DiscoveryIssue> issues() {
    return List.copyOf(issues);
  }

  /**
   * Executes {@code plan}; the run's result reaches the listener given to the constructor.
   *
   * @throws RuntimeException what made the engine itself fail (reports that could not be written, say)
   */
  void execute(TestPlan plan) {
    List<Throwable> failures = new ArrayList<>();
    launcher.execute(plan, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.getParentIdObject().isEmpty()) {
          result.getThrowable().ifPresent(failures::add);
        }
      }
    });
    if (!failures.isEmpty()) {
      Throwable failure = failures.get(0);
      throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure.getMessage(), failure);
    }
  }

  /** Remembers the result of a run, for the exit code. */
  static final class Result implements RunListener {

    private RunResult result;

    @Override
    public void runFinished(RunResult finished) {
      result = finished;
    }

    RunResult get() {
      return result;
    }
  }
}

package dev.rehearsal.junit;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Every sample scenario of the repository ({@code scenarios/}), run by the {@code rehearsal} engine under
 * Surefire: one test per step in the Surefire report. Surefire only discovers classes, so this suite is how it
 * reaches the engine; the same pattern is what a user project writes (see {@code docs/examples/}). SQLite only:
 * PostgreSQL runs of the samples are the job of {@code .ci/run} and the CI workflow.
 */
@Suite
@IncludeEngines(Constants.ENGINE_ID)
@SelectDirectories("../../scenarios")
@ConfigurationParameter(key = Constants.DATABASES, value = "sqlite")
class SampleScenariosTest {
}

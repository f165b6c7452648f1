package com.example.library;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every scenario in scenarios/ with the rehearsal engine: each scenario run is a container, each step a test.
 * Configure the engine with rehearsal.* parameters (junit-platform.properties, @ConfigurationParameter or
 * Surefire's configurationParameters), e.g. rehearsal.databases=sqlite,postgres.
 */
@Suite
@IncludeEngines("rehearsal")
@SelectDirectories("scenarios")
class MigrationScenariosTest {
}

package dev.rehearsal.scaffold;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MyBatis Migrations repository {@code init} writes where it finds none: what {@code migrate init} would write
 * (an environment, the changelog script, a first migration), in SQL that SQLite and PostgreSQL both run.
 */
final class NewRepository {

  static final String DIRECTORY = "migrations";

  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private NewRepository() {}

  /** The files, relative to the project, in the order they are written; ids are the time {@code now} in UTC. */
  static Map<String, String> files(Instant now) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(DIRECTORY + "/environments/development.properties", """
        ## Written by 'rehearse init' for a new MyBatis Migrations repository. MyBatis's 'migrate' command reads
        ## the connection from here; Rehearsal uses only the changelog table, the script settings and
        ## ${variables}: it runs every scenario in a scratch database of its own.
        driver=
        url=
        username=
        password=
        changelog=CHANGELOG
        send_full_script=false
        delimiter=;
        full_line_delimiter=false
        auto_commit=false
        """);
    files.put(DIRECTORY + "/scripts/" + ID.format(now) + "_create_changelog.sql", """
        -- // Create Changelog
        -- The table MyBatis records applied migrations in, as 'migrate init' creates it.
        CREATE TABLE ${changelog} (
          ID NUMERIC(20,0) NOT NULL PRIMARY KEY,
          APPLIED_AT VARCHAR(25) NOT NULL,
          DESCRIPTION VARCHAR(255) NOT NULL
        );

        -- //@UNDO
        DROP TABLE ${changelog};
        """);
    files.put(DIRECTORY + "/scripts/" + ID.format(now.plusSeconds(1)) + "_create_example.sql", """
        -- // create example
        -- A first migration: replace it with your own ('migrate new "what it does"' starts the next one).
        CREATE TABLE example (
          id INTEGER NOT NULL PRIMARY KEY,
          name VARCHAR(100) NOT NULL
        );

        -- //@UNDO
        DROP TABLE example;
        """);
    return files;
  }

  static Path root(Path project) {
    return project.resolve(DIRECTORY);
  }
}

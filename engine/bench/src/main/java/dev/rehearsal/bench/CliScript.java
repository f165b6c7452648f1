package dev.rehearsal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline users have today: a shell script that round-trips every migration with the stock MyBatis CLI, one
 * JVM per step ({@code up 1}, {@code down 1}, {@code up 1}), each connecting with the environment file's URL.
 */
final class CliScript {

  private CliScript() {}

  /** Writes {@code cli-roundtrip-DATABASE.sh} for the first {@code count} migrations and returns it. */
  static Path write(SyntheticProject project, String database, Tools tools, int count) {
    StringBuilder script = new StringBuilder("""
        #!/usr/bin/env bash
        # Round-trips every migration with the stock MyBatis Migrations CLI, one process per step.
        set -euo pipefail
        cp='%s'
        migrate() { java -cp "$cp" org.apache.ibatis.migration.Migrator "$@" --path='%s' --env=%s; }
        """.formatted(tools.mybatis() + java.io.File.pathSeparator + tools.driver(database), project.repository(),
        database));
    for (Script migration : project.scripts().subList(0, count)) {
      script.append("# ").append(migration.fileName()).append("\nmigrate up 1\nmigrate down 1\nmigrate up 1\n");
    }
    Path file = project.root().resolve("cli-roundtrip-" + database + ".sh");
    try {
      Files.writeString(file, script);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}

package dev.rehearsal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small, self-contained project in a temporary directory: a MyBatis repository with two migrations (authors,
 * books), one fixture, and whatever scenarios a test writes.
 */
final class TempProject {

  static final String AUTHORS = "20240101000000";
  static final String BOOKS = "20240102000000";

  final Path root;

  TempProject(Path root) {
    this.root = root;
    write("rehearsal.yaml", """
        paths:
          reports: reports
        """);
    write("migrations/environments/sqlite.properties", "changelog=CHANGELOG\n");
    write("migrations/scripts/" + AUTHORS + "_create_authors.sql", """
        -- // create authors
        CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE);

        -- //@UNDO
        DROP TABLE authors;
        """);
    write("migrations/scripts/" + BOOKS + "_create_books.sql", """
        -- // create books
        CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id));

        -- //@UNDO
        DROP TABLE books;
        """);
    write("fixtures/authors.yaml", """
        authors:
          - {id: 1, name: Ursula K. Le Guin}
          - {id: 2, name: Anonymous}
        """);
    write("scenarios/.keep", "");
  }

  Path scenario(String name, String yaml) {
    return write("scenarios/" + name, yaml);
  }

  Path write(String relative, String text) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  String dir() {
    return root.toString();
  }
}

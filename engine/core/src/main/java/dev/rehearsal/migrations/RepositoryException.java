package dev.rehearsal.migrations;

/** The migrations repository cannot be used as configured: a missing directory, a bad file name, a duplicate id. */
public final class RepositoryException extends RuntimeException {

  public RepositoryException(String message) {
    super(message);
  }

  public RepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.rehearsal.config;

/**
 * The project cannot be used as found: there is none where the user asked for one, or a directory its
 * configuration names is missing. Nothing is run and nothing is written; the message says what to do.
 */
public final class ProjectException extends RuntimeException {

  public ProjectException(String message) {
    super(message);
  }
}

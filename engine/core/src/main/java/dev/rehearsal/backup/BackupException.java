package dev.rehearsal.backup;

/** A backup could not be written, or a backup file is missing, corrupt or unreadable; the message says which. */
public final class BackupException extends RuntimeException {

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}

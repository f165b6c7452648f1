package dev.rehearsal.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs an engine's command-line tool (pg_dump, pg_restore, and the next engine's) with Rehearsal at both ends of its
 * pipes: the tool never opens a backup file itself. Its standard output is copied into a stream Rehearsal writes,
 * and a file it reads is fed to its standard input. So a tool's exit code is never the only word on a file, and a
 * tool orphaned by a {@code kill -9} of Rehearsal cannot finish anything: its next write to the dead pipe, or its
 * next read from it, ends it. While Rehearsal runs, a tool dies with it: a shutdown hook (Ctrl-C, SIGTERM) kills
 * every tool still running, with its children.
 */
public final class ToolProcess {

  /** How a tool ended: its exit code and the start of what it wrote to standard error. */
  public record Result(int exitCode, String errors) {

    public boolean ok() {
      return exitCode == 0;
    }
  }

  private static final long TIMEOUT_MINUTES = 30;
  private static final int ERRORS_KEPT = 16 * 1024;
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ToolProcess::kill), "rehearsal-tools"));
  }

  private final List<String> command;
  private final Map<String, String> environment;
  private final String doing;
  private Path input;
  private java.util.function.UnaryOperator<InputStream> filter = java.util.function.UnaryOperator.identity();
  private volatile boolean timedOut;
  private volatile IOException inputFailure;

  /**
   * @param environment added to Rehearsal's own (passwords go here, never on the command line)
   * @param doing what the tool is for, for messages: "back up database x"
   */
  public ToolProcess(List<String> command, Map<String, String> environment, String doing) {
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.doing = doing;
  }

  /** Feeds {@code file} to the tool's standard input. */
  public ToolProcess input(Path file) {
    this.input = file;
    return this;
  }

  /**
   * Feeds {@code file} to the tool's standard input through {@code filter}, which may hold back or refuse what it
   * reads: an {@link IOException} it throws stops the tool, and {@link #run} throws it.
   */
  public ToolProcess input(Path file, java.util.function.UnaryOperator<InputStream> filter) {
    this.input = file;
    this.filter = filter;
    return this;
  }

  /** Runs the tool and returns what it wrote to standard output and error, as text (for {@code --version}). */
  public String text() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Result result;
    try {
      result = run(out);
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot " + doing, e);
    }
    return out.toString(StandardCharsets.UTF_8) + result.errors();
  }

  /**
   * Runs the tool, copying its standard output into {@code out}.
   *
   * @return its exit code and errors; a non-zero exit is the caller's to judge
   * @throws IOException when writing to {@code out} or reading the input file fails; the tool is stopped then
   * @throws DatabaseException (infrastructure) when the tool cannot be started, or does not finish in time
   */
  public Result run(OutputStream out) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot " + doing, e);
    }
    LIVE.add(process);
    try {
      ByteArrayOutputStream errors = new ByteArrayOutputStream();
      Thread drain = daemon("stderr", () -> keep(process.getErrorStream(), errors));
      Thread feed = input == null ? null : daemon("stdin", () -> feed(process));
      if (feed == null) {
        process.getOutputStream().close();
      }
      daemon("watchdog", () -> watch(process));
      copy(process.getInputStream(), out, process);
      process.waitFor();
      drain.join();
      if (feed != null) {
        feed.join();
      }
      if (inputFailure != null) {
        throw inputFailure;
      }
      if (timedOut) {
        throw DatabaseException.infrastructure("cannot " + doing, new IOException(name() + " did not finish within "
            + TIMEOUT_MINUTES + " minutes"));
      }
      String text;
      synchronized (errors) {
        text = errors.toString(StandardCharsets.UTF_8);
      }
      return new Result(process.exitValue(), text);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DatabaseException.infrastructure("cannot " + doing, e);
    } finally {
      if (process.isAlive()) {
        kill(process);
      }
      LIVE.remove(process);
    }
  }

  /** The tool's file name, for messages. */
  public String name() {
    return Path.of(command.get(0)).getFileName().toString();
  }

  private void copy(InputStream stdout, OutputStream out, Process process) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (stdout) {
      while (true) {
        int n;
        try {
          n = stdout.read(buffer);
        } catch (IOException e) {
          // our end of the pipe: only a killed tool closes it under us
          return;
        }
        if (n < 0) {
          return;
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          kill(process);
          throw e;
        }
      }
    }
  }

  private void feed(Process process) {
    try (OutputStream stdin = process.getOutputStream(); InputStream in = filter.apply(Files.newInputStream(input))) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        try {
          stdin.write(buffer, 0, n);
        } catch (IOException closedByTheTool) {
          // it has read what it needed (pg_restore --list stops after the table of contents), or it died
          return;
        }
      }
    } catch (IOException e) {
      inputFailure = new IOException("cannot read " + input + ": " + e.getMessage(), e);
      kill(process);
    }
  }

  private static void keep(InputStream stream, ByteArrayOutputStream errors) {
    byte[] buffer = new byte[8192];
    try (stream) {
      for (int n; (n = stream.read(buffer)) >= 0; ) {
        synchronized (errors) {
          int room = ERRORS_KEPT - errors.size();
          errors.write(buffer, 0, Math.max(0, Math.min(room, n)));
        }
      }
    } catch (IOException ignored) {
      // the tool is gone; what it said so far is kept
    }
  }

  private void watch(Process process) {
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        timedOut = true;
        kill(process);
      }
    } catch (InterruptedException ignored) {
      // daemon thread; the run itself ends the tool
    }
  }

  private static Thread daemon(String what, Runnable body) {
    Thread thread = new Thread(body, "rehearsal-tool-" + what);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}

package dev.rehearsal.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The scratch databases a server engine created and has not dropped or kept yet, and what it could not or would
 * not drop, for the run to report. On Ctrl-C or SIGTERM, {@link #dropLeftovers} first stops new creations and waits
 * for those under way (each drops what it made itself), then drops every live one: without the wait, a worker
 * thread could finish a scratch database after the sweep, and the JVM halt before anyone drops it.
 */
public final class ScratchRegistry<S extends ScratchDatabase> {

  private static final Logger LOG = Logger.getLogger(ScratchRegistry.class.getName());
  private static final long WAIT_SECONDS = 15;

  private final Set<S> live = ConcurrentHashMap.newKeySet();
  private final Queue<String> problems = new ConcurrentLinkedQueue<>();
  private final Object gate = new Object();
  private int creating;
  private volatile boolean stopping;

  /**
   * Runs {@code creation} and registers what it made as live.
   *
   * @throws DatabaseException (infrastructure) once the sweep has started; what {@code creation} throws
   */
  public S create(String name, Supplier<S> creation) {
    synchronized (gate) {
      if (stopping) {
        throw stopped(name);
      }
      creating++;
    }
    try {
      S scratch = creation.get();
      live.add(scratch);
      if (stopping) {
        // The sweep may have listed the live ones before this one was added: drop it here.
        scratch.close();
        throw stopped(name);
      }
      return scratch;
    } finally {
      synchronized (gate) {
        creating--;
        gate.notifyAll();
      }
    }
  }

  private static DatabaseException stopped(String name) {
    return DatabaseException.infrastructure("cannot create scratch database " + name,
        new IllegalStateException("the run is stopping (Ctrl-C or SIGTERM)"));
  }

  /** A scratch database is dropped or kept: it is no longer a leftover. */
  public void settled(S scratch) {
    live.remove(scratch);
  }

  /** The live scratch database at {@code location}, or null. */
  public S live(String location) {
    return live.stream().filter(s -> s.location().equals(location)).findFirst().orElse(null);
  }

  /** Stops new creations, waits (at most 15 s) for those under way, and drops every live scratch database. */
  public void dropLeftovers() {
    synchronized (gate) {
      stopping = true;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (creating > 0 && System.nanoTime() < end) {
        try {
          gate.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    for (S scratch : List.copyOf(live)) {
      scratch.close();
    }
  }

  /** The problem line of a scratch database whose drop failed for {@code why}. */
  public static String notDropped(String name, String why) {
    return "scratch database " + name + " not dropped: " + why + "; 'rehearse clean' drops it later";
  }

  /** Records what could not, or would not, be dropped; the run reports it. */
  public void problem(String line) {
    LOG.fine(line);
    problems.add(line);
  }

  /** The problems recorded since the last call. */
  public List<String> takeProblems() {
    List<String> taken = new ArrayList<>();
    for (String line = problems.poll(); line != null; line = problems.poll()) {
      taken.add(line);
    }
    return taken;
  }
}

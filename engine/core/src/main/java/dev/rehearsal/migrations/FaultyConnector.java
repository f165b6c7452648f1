package dev.rehearsal.migrations;

import dev.rehearsal.database.Connector;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Connections that fail the way real ones do: cut at the statement {@link FailingLoader} marked, or lost right after
 * a script committed, before MyBatis writes its changelog row (MyBatis writes it in a separate transaction).
 */
final class FaultyConnector implements Connector {

  private final Connector delegate;
  private final InjectedFailure failure;
  private final String changelogInsert;
  private boolean fired;

  FaultyConnector(Connector delegate, InjectedFailure failure, String changelogTable) {
    this.delegate = delegate;
    this.failure = failure;
    this.changelogInsert = ("insert into " + changelogTable + " ").toLowerCase(Locale.ROOT);
  }

  boolean fired() {
    return fired;
  }

  @Override
  public Connection connect() {
    Connection real = delegate.connect();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new ConnectionHandler(real));
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection real;

    ConnectionHandler(Connection real) {
      this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object result = call(real, method, args);
      if (method.getName().equals("createStatement") && result instanceof Statement statement) {
        return wrap(Statement.class, statement, null);
      }
      if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement
          && args != null && args[0] instanceof String sql
          && sql.strip().toLowerCase(Locale.ROOT).startsWith(changelogInsert)) {
        return wrap(PreparedStatement.class, statement, sql);
      }
      return result;
    }

    private <T extends Statement> Object wrap(Class<T> type, T statement, String changelogSql) {
      BigDecimal[] boundId = new BigDecimal[1];
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
        String name = method.getName();
        if (changelogSql != null && name.equals("setBigDecimal") && args[0].equals(1)) {
          boundId[0] = (BigDecimal) args[1];
        }
        if (changelogSql == null && name.startsWith("execute") && args != null && args.length > 0
            && args[0] instanceof String sql && sql.contains(FailingLoader.DISCONNECT_MARKER)
            && failure.mode() == InjectedFailure.Mode.DISCONNECT) {
          fired = true;
          real.close();
          throw new SQLException("simulated disconnect: the connection was cut at " + failure.describe(), "08006");
        }
        if (changelogSql != null && name.startsWith("execute") && failure.mode() == InjectedFailure.Mode.AFTER_COMMIT
            && !failure.undo() && boundId[0] != null && boundId[0].compareTo(failure.migration()) == 0) {
          fired = true;
          real.close();
          throw new SQLException("simulated failure after commit: the process died before MyBatis wrote the "
              + "changelog row of " + failure.migration().toPlainString(), "08006");
        }
        return call(statement, method, args);
      });
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

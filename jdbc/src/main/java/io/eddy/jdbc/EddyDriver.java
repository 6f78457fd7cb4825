package io.eddy.jdbc;

import io.eddy.engine.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Eddy's JDBC driver. URLs: {@code jdbc:eddy:dir=/path/to/data} opens the embedded engine of that
 * directory; {@code jdbc:eddy:url=http://host:8765[;token=...]} connects to an Eddy server
 * ({@link RemoteClient}; see {@link ConnectionSpec} for the properties). Connections to the same canonical
 * directory share one engine, opened by the first and closed by the last (the registry belongs
 * to this driver instance); each connection has its own session.
 *
 * <p>The instance DriverManager holds is registered by the class initializer (found through
 * {@code META-INF/services/java.sql.Driver}); tests may create private instances over another
 * {@link EngineOpener}. Thread-safe.
 */
public final class EddyDriver extends UnregisteredDriver {
  /** The URL prefix this driver accepts. */
  public static final String PREFIX = "jdbc:eddy:";

  static {
    new EddyDriver().register();
  }

  private final EngineRegistry engines;

  /** A driver over the real embedded engine. */
  public EddyDriver() {
    this(EngineOpener.embedded());
  }

  /** A driver whose engines are opened by {@code opener}. */
  public EddyDriver(EngineOpener opener) {
    this.engines = new EngineRegistry(opener);
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("Eddy JDBC Driver", "0.1.0", "Eddy", "0.1.0", false, 0, 1, 0, 1);
  }

  @Override
  protected AvaticaFactory createFactory() {
    return new EddyJdbcFactory();
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    try {
      ConnectionSpec spec =
          ConnectionSpec.of(ConnectStringParser.parse(url.substring(PREFIX.length()), info));
      if (!spec.remote()) {
        return super.connect(url, info);
      }
      Properties remote = RemoteClient.avaticaProperties(spec);
      if (info != null) {
        remote.putAll(info);
      }
      EddyConnection connection = (EddyConnection) super.connect(url, remote);
      try {
        connection.openRemote();
      } catch (RuntimeException e) {
        try {
          connection.close();
        } catch (SQLException | RuntimeException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      return connection;
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /**
   * Opens the connection's session on its (shared) engine. Called by Avatica while constructing
   * the connection; properties were validated by {@link #connect}.
   */
  @Override
  public Meta createMeta(AvaticaConnection connection) {
    Properties user = new Properties();
    ((EddyConnection) connection).connectProperties().forEach((k, v) -> {
      if (!RemoteClient.isAvaticaProperty((String) k)) {
        user.put(k, v);
      }
    });
    ConnectionSpec spec = ConnectionSpec.of(user);
    if (spec.remote()) {
      return RemoteClient.createMeta(connection, spec);
    }
    EngineRegistry.Lease lease = engines.acquire(spec.dataDir());
    try {
      Session session = lease.engine().openSession();
      return new EddyMeta(connection, session, lease::release);
    } catch (RuntimeException e) {
      lease.release();
      throw e;
    }
  }

  /** How many engines this driver has open (for tests and diagnostics). */
  int openEngines() {
    return engines.openEngines();
  }
}

package io.eddy.shell;

import io.eddy.engine.Change;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import io.eddy.engine.config.ServerConfig.ListenAddress;
import io.eddy.jdbc.EddyDriver;
import io.eddy.shell.server.EddyServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the time of a remote subscription change goes, with the server in this process: rows
 * appended through the engine API reach an engine subscription (the engine's share) and a remote
 * JDBC subscription (plus the server, HTTP and the driver). Prints p50/p99; asserts only that
 * every change arrives.
 */
class SubscriptionLatencyBreakdownTest {
  private static final int CHANGES = 100;

  @TempDir
  Path dir;

  @Test
  void appendToEngineAndRemoteSubscriber() throws Exception {
    try (Engine engine = Engine.open(new EngineConfig(dir, Map.of("log.fsync", "none")));
        EddyServer server = EddyServer.start(engine,
            new ListenAddress("127.0.0.1", FreePort.find()), Optional.empty());
        Session session = engine.openSession()) {
      session.execute("CREATE STREAM ticks (k BIGINT)");
      session.execute("CREATE VIEW seen AS SELECT k, COUNT(*) AS n FROM ticks GROUP BY k");
      Subscription local = (Subscription) session.execute("SUBSCRIBE TO seen");
      try (Connection c = new EddyDriver().connect("jdbc:eddy:url=http://127.0.0.1:" + server.port(),
              new Properties());
          Statement sub = c.createStatement()) {
        ResultSet rs = sub.executeQuery("SUBSCRIBE TO seen");
        long[] append = new long[CHANGES];
        long[] engineVisible = new long[CHANGES];
        long[] remoteVisible = new long[CHANGES];
        try (SubscriptionLatency embedded = new SubscriptionLatency(() -> nextKey(local));
            SubscriptionLatency remote = new SubscriptionLatency(() -> nextKey(rs))) {
          for (int i = 0; i < CHANGES; i++) {
            long start = System.nanoTime();
            engine.append("ticks", List.<Object[]>of(new Object[] {(long) i}));
            append[i] = System.nanoTime() - start;
            engineVisible[i] = embedded.arrival(i) - start;
            remoteVisible[i] = remote.arrival(i) - start;
          }
          sub.cancel();
          local.close();
        }
        System.out.println("SUBSCRIBE latency breakdown over " + CHANGES + " appends: append "
            + SubscriptionLatency.percentiles(append) + "; append -> engine subscription "
            + SubscriptionLatency.percentiles(engineVisible) + "; append -> remote JDBC next() "
            + SubscriptionLatency.percentiles(remoteVisible));
      }
    }
  }

  private static long nextKey(Subscription s) throws InterruptedException {
    while (true) {
      Change c = s.poll(1, TimeUnit.SECONDS);
      if (c != null && c.diff() > 0) {
        return (Long) c.row()[0];
      }
    }
  }

  private static long nextKey(ResultSet rs) throws SQLException {
    while (rs.next()) {
      if (rs.getLong("_diff") > 0) {
        return rs.getLong("k");
      }
    }
    throw new SQLException("the subscription ended");
  }
}

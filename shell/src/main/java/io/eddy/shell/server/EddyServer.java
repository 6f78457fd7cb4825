package io.eddy.shell.server;

import io.eddy.engine.Engine;
import io.eddy.engine.config.ServerConfig.ListenAddress;
import io.eddy.jdbc.ServingMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An engine served over HTTP for remote JDBC ({@code jdbc:eddy:url=http://host:port}): Avatica's
 * {@link HttpServer} with protobuf serialization over a {@link LocalService} of the engine's
 * {@link ServingMeta}, bound to one address. When a token is set, every request must carry it
 * ({@code Authorization: Bearer <token>}); others get HTTP 401. {@link #close} stops serving and
 * closes the remote sessions; the engine stays the caller's. This package hosts the engine; it is
 * the one part of the shell module that uses the engine API directly (see LayeringTest).
 */
public final class EddyServer implements AutoCloseable {
  private final ServingMeta meta;
  private final HttpServer http;

  private EddyServer(ServingMeta meta, HttpServer http) {
    this.meta = meta;
    this.http = http;
  }

  /** Starts serving {@code engine} on {@code listen}. */
  public static EddyServer start(Engine engine, ListenAddress listen, Optional<String> token) {
    ServingMeta meta = new ServingMeta(engine::openSession);
    ServerCustomizer<Server> bind = server -> {
      for (var connector : server.getConnectors()) {
        ((ServerConnector) connector).setHost(listen.host());
      }
    };
    HttpServer http = new HttpServer.Builder<Server>()
        .withPort(listen.port())
        .withHandler(new TokenCheck(new LocalService(meta.meta()), token.orElse(null)))
        .withServerCustomizers(List.of(bind), Server.class)
        .build();
    try {
      http.start();
    } catch (RuntimeException e) {
      meta.close();
      throw e;
    }
    return new EddyServer(meta, http);
  }

  public int port() {
    return http.getPort();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  @Override
  public void close() {
    try {
      http.stop();
    } finally {
      meta.close();
    }
  }

  /** Avatica's protobuf handler behind a token check (none when the token is null). */
  private static final class TokenCheck extends AvaticaProtobufHandler {
    private final byte[] expected;

    TokenCheck(LocalService service, String token) {
      super(service);
      this.expected = token == null ? null
          : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request,
        HttpServletResponse response) throws IOException, javax.servlet.ServletException {
      if (expected != null) {
        String given = request.getHeader("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
          response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
          response.setContentType("text/plain");
          response.getWriter().write(given == null ? "missing token\n" : "wrong token\n");
          base.setHandled(true);
          return;
        }
      }
      super.handle(target, base, request, response);
    }
  }
}

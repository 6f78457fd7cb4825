package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * Posts Avatica requests to an Eddy server ({@link HttpPostClient}: blocking, kept-alive sockets
 * with {@code TCP_NODELAY}, the caller's thread reads the answer), sending the connection's token as {@code Authorization: Bearer <token>}. A 401 answer becomes an
 * {@code AUTHENTICATION} error saying whether the token was missing or wrong; an unreachable
 * server a {@code CONNECTION} error. Avatica error responses (HTTP 500) are returned for Avatica
 * to decode. Thread-safe.
 */
final class TokenHttpClient implements AvaticaHttpClient {
  /** The header the server checks. */
  static final String HEADER = "Authorization";
  private static final String SCHEME = "Bearer ";

  private final HttpPostClient client;
  private final URI server;
  private final String token;

  TokenHttpClient(URI server, String token) {
    this.server = server;
    this.token = token;
    this.client = new HttpPostClient(server, Duration.ofSeconds(10));
  }

  /** The header value carrying {@code token}. */
  static String headerValue(String token) {
    return SCHEME + token;
  }

  @Override
  public byte[] send(byte[] request) {
    Map<String, String> headers = token == null
        ? Map.of("Content-Type", "application/octet-stream")
        : Map.of("Content-Type", "application/octet-stream", HEADER, headerValue(token));
    HttpPostClient.Response response;
    try {
      response = client.post(request, headers);
    } catch (IOException e) {
      throw new EddyException(ErrorCode.CONNECTION, "cannot reach the Eddy server at " + server + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
    if (response.status() == 401) {
      throw new EddyException(ErrorCode.AUTHENTICATION, "the Eddy server at " + server
          + " refused the request: " + (token == null ? "it requires a token (add ;token=... to the URL)"
          : "wrong token"));
    }
    if (response.status() != 200 && response.status() != 500) {
      throw new EddyException(ErrorCode.CONNECTION, "the server at " + server + " answered HTTP "
          + response.status() + "; is it an Eddy server?");
    }
    return response.body();
  }
}

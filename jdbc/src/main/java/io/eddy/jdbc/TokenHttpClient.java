package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * Posts Avatica requests to an Eddy server with the JDK's HTTP client, one keep-alive connection,
 * sending the connection's token as {@code Authorization: Bearer <token>}. A 401 answer becomes an
 * {@code AUTHENTICATION} error saying whether the token was missing or wrong; an unreachable
 * server a {@code CONNECTION} error. Avatica error responses (HTTP 500) are returned for Avatica
 * to decode. Thread-safe.
 */
final class TokenHttpClient implements AvaticaHttpClient {
  /** The header the server checks. */
  static final String HEADER = "Authorization";
  private static final String SCHEME = "Bearer ";

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI server;
  private final String token;

  TokenHttpClient(URI server, String token) {
    this.server = server;
    this.token = token;
  }

  /** The header value carrying {@code token}. */
  static String headerValue(String token) {
    return SCHEME + token;
  }

  @Override
  public byte[] send(byte[] request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server)
        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
        .header("Content-Type", "application/octet-stream");
    if (token != null) {
      b.header(HEADER, headerValue(token));
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new EddyException(ErrorCode.CONNECTION, "cannot reach the Eddy server at " + server + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EddyException(ErrorCode.CANCELLED, "interrupted while waiting for " + server);
    }
    if (response.statusCode() == 401) {
      throw new EddyException(ErrorCode.AUTHENTICATION, "the Eddy server at " + server
          + " refused the request: " + (token == null ? "it requires a token (add ;token=... to the URL)"
          : "wrong token"));
    }
    if (response.statusCode() != 200 && response.statusCode() != 500) {
      throw new EddyException(ErrorCode.CONNECTION, "the server at " + server + " answered HTTP "
          + response.statusCode() + "; is it an Eddy server?");
    }
    return response.body();
  }
}

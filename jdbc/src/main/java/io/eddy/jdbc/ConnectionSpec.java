package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated properties of one {@code jdbc:eddy:} connection: those of the URL
 * ({@code jdbc:eddy:dir=/data;...}) merged with the {@link Properties} passed to
 * {@code connect}. Known keys: {@code dir} (an embedded engine's data directory) or {@code url}
 * (an Eddy server, {@code http://host:port}) — exactly one of them; {@code token} (sent to the
 * server with every request; remote only); {@code user} and {@code password} (accepted and
 * ignored, generic tools always send them). Any other key is an error, so a typo never silently
 * falls back to a default.
 *
 * @param dataDir the embedded engine's data directory, or null for a remote connection
 * @param server the server's address, or null for an embedded connection
 * @param token the token for the server, or null
 */
record ConnectionSpec(Path dataDir, URI server, String token) {
  static final String DIR = "dir";
  static final String URL = "url";
  static final String TOKEN = "token";
  private static final Set<String> KNOWN = Set.of(DIR, URL, TOKEN, "user", "password");

  boolean remote() {
    return server != null;
  }

  /** Validates {@code properties} (URL and info merged). */
  static ConnectionSpec of(Properties properties) {
    Set<String> unknown = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (!KNOWN.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new EddyException(ErrorCode.CONFIG, "unknown connection propert"
          + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown)
          + "; known: dir, url, token, user, password");
    }
    String dir = properties.getProperty(DIR);
    String url = properties.getProperty(URL);
    String token = properties.getProperty(TOKEN);
    if (dir != null && url != null) {
      throw new EddyException(ErrorCode.CONFIG,
          "a connection is either embedded (dir=...) or remote (url=...), not both");
    }
    if (url != null) {
      return new ConnectionSpec(null, server(url), token == null || token.isEmpty() ? null : token);
    }
    if (dir == null || dir.isBlank()) {
      throw new EddyException(ErrorCode.CONFIG, "missing data directory or server: use "
          + "jdbc:eddy:dir=/path/to/data or jdbc:eddy:url=http://host:8765");
    }
    if (token != null) {
      throw new EddyException(ErrorCode.CONFIG, "token is for remote connections (url=...) only");
    }
    return new ConnectionSpec(Path.of(dir), null, null);
  }

  private static URI server(String url) {
    try {
      URI uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null && uri.getPort() > 0) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new EddyException(ErrorCode.CONFIG, "server url '" + url
        + "' is not http://host:port (e.g. jdbc:eddy:url=http://127.0.0.1:8765)");
  }
}

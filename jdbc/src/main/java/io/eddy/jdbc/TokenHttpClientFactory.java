package io.eddy.jdbc;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.AvaticaHttpClientFactory;
import org.apache.calcite.avatica.remote.KerberosConnection;

/**
 * How Avatica's remote driver machinery gets Eddy's {@link TokenHttpClient}: named in the
 * connection's {@code httpclient_factory} property, it receives the token as the bearer token.
 * Public with a no-argument constructor because Avatica instantiates it by class name. Stateless.
 */
public final class TokenHttpClientFactory implements AvaticaHttpClientFactory {

  @Override
  public AvaticaHttpClient getClient(URL url, ConnectionConfig config, KerberosConnection kerberos) {
    try {
      return new TokenHttpClient(url.toURI(), config.getBearerToken());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("bad server url " + url, e);
    }
  }
}

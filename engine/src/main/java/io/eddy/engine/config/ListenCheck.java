package io.eddy.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import io.eddy.engine.config.ServerConfig.ListenAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses {@code host:port} listen addresses and tells loopback ones apart. Stateless. */
final class ListenCheck {
  private ListenCheck() {}

  /** {@code host:port}, {@code [v6]:port}; errors are placed at {@code at} of {@code source}. */
  static ListenAddress parse(String text, ConfigSource source, JsonLocation at) {
    String t = text.strip();
    int colon = t.lastIndexOf(':');
    String host = colon < 0 ? "" : t.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = -1;
    try {
      port = Integer.parseInt(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      // reported below
    }
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw source.error(at.getLineNr(), at.getColumnNr(), "listen address '" + text
          + "' is not host:port with a port from 1 to 65535", "e.g. listen: 127.0.0.1:8765");
    }
    try {
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw source.error(at.getLineNr(), at.getColumnNr(), "unknown host '" + host + "'", null);
    }
    return new ListenAddress(host, port);
  }

  /** True if {@code address} resolves to a loopback address only reachable from this machine. */
  static boolean isLoopback(ListenAddress address) {
    try {
      return InetAddress.getByName(address.host()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

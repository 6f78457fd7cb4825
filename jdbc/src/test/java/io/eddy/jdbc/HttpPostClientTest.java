package io.eddy.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link HttpPostClient} against a scripted HTTP server on a local socket. */
class HttpPostClientTest {

  /** A server that answers each request with the next of {@code answers} (a function of the body). */
  private static final class Scripted implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0);
    final AtomicInteger accepted = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();

    Scripted(boolean closeAfterEachAnswer, String... answers) throws IOException {
      Thread t = new Thread(() -> {
        int next = 0;
        try {
          while (next < answers.length) {
            try (Socket s = socket.accept()) {
              accepted.incrementAndGet();
              BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                  StandardCharsets.ISO_8859_1));
              OutputStream out = s.getOutputStream();
              while (next < answers.length) {
                String line = in.readLine();
                if (line == null) {
                  break;
                }
                int length = 0;
                StringBuilder head = new StringBuilder(line).append('\n');
                for (String h = in.readLine(); !h.isEmpty(); h = in.readLine()) {
                  head.append(h).append('\n');
                  if (h.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                  }
                }
                char[] body = new char[length];
                for (int read = 0; read < length; ) {
                  read += in.read(body, read, length - read);
                }
                requests.add(head + new String(body));
                out.write(answers[next++].getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (closeAfterEachAnswer) {
                  break;
                }
              }
            }
          }
        } catch (IOException e) {
          // test over
        }
      }, "scripted-http");
      t.setDaemon(true);
      t.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static byte[] post(HttpPostClient client, String body) throws IOException {
    HttpPostClient.Response r = client.post(body.getBytes(StandardCharsets.UTF_8), Map.of("X-Test", "1"));
    assertEquals(200, r.status());
    return r.body();
  }

  @Test
  void keepsTheSocketAliveAndSendsHeadersAndBody() throws IOException {
    try (Scripted server = new Scripted(false,
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none",
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo");
        HttpPostClient client = new HttpPostClient(server.uri(), Duration.ofSeconds(5))) {
      assertArrayEquals("one".getBytes(), post(client, "a"));
      assertArrayEquals("two".getBytes(), post(client, "bc"));
      assertEquals(1, server.accepted.get(), "one socket for both requests");
      String first = server.requests.get(0);
      assertTrue(first.startsWith("POST / HTTP/1.1\n"), first);
      assertTrue(first.contains("X-Test: 1\n") && first.contains("Content-Length: 1\n"), first);
      assertTrue(first.endsWith("\na"), first);
    }
  }

  @Test
  void decodesChunkedAnswers() throws IOException {
    try (Scripted server = new Scripted(false,
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n");
        HttpPostClient client = new HttpPostClient(server.uri(), Duration.ofSeconds(5))) {
      assertArrayEquals("abcde".getBytes(), post(client, "q"));
    }
  }

  @Test
  void resendsOnANewSocketWhenTheServerClosedTheIdleOne() throws IOException {
    try (Scripted server = new Scripted(true,
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1",
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n2");
        HttpPostClient client = new HttpPostClient(server.uri(), Duration.ofSeconds(5))) {
      assertArrayEquals("1".getBytes(), post(client, "a"));
      assertArrayEquals("2".getBytes(), post(client, "b"));
      assertEquals(2, server.accepted.get());
      assertEquals(2, server.requests.size(), "each request reached the server once");
    }
  }

  @Test
  void connectionCloseIsHonoured() throws IOException {
    try (Scripted server = new Scripted(false,
            "HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 4\r\n\r\nnope",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        HttpPostClient client = new HttpPostClient(server.uri(), Duration.ofSeconds(5))) {
      assertEquals(401, client.post(new byte[0], Map.of()).status());
      // the client must not reuse the socket the server said it closes
      assertArrayEquals("ok".getBytes(), client.post(new byte[0], Map.of()).body());
      assertEquals(2, server.accepted.get());
    }
  }
}

package io.eddy.log.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run in a
 * child JVM on the test class path ({@link KafkaBrokerMain}) with its data in a temporary
 * directory and listeners on free 127.0.0.1 ports. {@link #start()} returns once the broker
 * answers an admin client and can create topics; {@link #close()} kills it and deletes its data.
 * Use it through {@link KafkaBrokerExtension}, which starts one per test JVM.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path dir;
  private final String bootstrap;

  private KafkaBroker(Process process, Path dir, String bootstrap) {
    this.process = process;
    this.dir = dir;
    this.bootstrap = bootstrap;
  }

  /** Starts a broker and waits until it serves requests. */
  public static KafkaBroker start() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("eddy-kafka-");
      int port = freePort();
      int controllerPort = freePort();
      String bootstrap = "127.0.0.1:" + port;
      Path props = dir.resolve("server.properties");
      Files.writeString(props, String.join("\n",
          "process.roles=broker,controller",
          "node.id=1",
          "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
          "listeners=PLAINTEXT://" + bootstrap + ",CONTROLLER://127.0.0.1:" + controllerPort,
          "advertised.listeners=PLAINTEXT://" + bootstrap,
          "controller.listener.names=CONTROLLER",
          "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
          "inter.broker.listener.name=PLAINTEXT",
          "log.dirs=" + dir.resolve("data"),
          "offsets.topic.replication.factor=1",
          "transaction.state.log.replication.factor=1",
          "transaction.state.log.min.isr=1",
          // one partition each: creating Kafka's 50 default partitions of the internal topics takes seconds
          "transaction.state.log.num.partitions=1",
          "offsets.topic.num.partitions=1",
          "group.initial.rebalance.delay.ms=0",
          "num.partitions=1",
          // tests write records with timestamps in 1970 and 2024: time-based retention would delete them
          "log.retention.ms=-1",
          "log.flush.interval.messages=9223372036854775807",
          "num.network.threads=2",
          "num.io.threads=2",
          "background.threads=2",
          ""), StandardCharsets.UTF_8);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-Xss512k", "-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName(),
          props.toString(), Uuid.randomUuid().toString());
      pb.redirectErrorStream(true);
      pb.redirectOutput(dir.resolve("broker.out").toFile());
      Process process = pb.start();
      KafkaBroker broker = new KafkaBroker(process, dir, bootstrap);
      long t0 = System.nanoTime();
      try {
        broker.awaitReady();
        System.out.printf("Kafka broker at %s ready in %d ms%n", bootstrap, (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException | Error e) {
        broker.close();
        throw e;
      }
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code bootstrap.servers} value of this broker. */
  public String bootstrap() {
    return bootstrap;
  }

  /** An admin client of this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Throwable last = null;
    String probe = "eddy-broker-probe";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + ": " + output());
      }
      try (Admin admin = admin()) {
        admin.createTopics(java.util.List.of(new NewTopic(probe, 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
        admin.deleteTopics(java.util.List.of(probe)).all().get(20, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        last = e;
        if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
          return;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting Kafka", e);
      }
    }
    throw new IllegalStateException("the Kafka broker did not become ready within " + START_TIMEOUT + ": " + last
        + "\n" + output());
  }

  private String output() {
    try {
      String out = Files.readString(dir.resolve("broker.out"), StandardCharsets.UTF_8);
      return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Kills the broker and deletes its data. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }

  /** Client properties with this broker's address, for tests that talk to it directly. */
  public Properties clientProperties() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    return p;
  }
}

package io.eddy.log.kafka;

import java.io.InputStream;

/**
 * The child JVM of {@link KafkaBroker}: formats the storage directory named in the properties
 * file ({@code kafka-storage format}), then runs the broker ({@code kafka.Kafka}). It halts when
 * its standard input closes, so a test JVM that dies never leaves a broker behind.
 */
public final class KafkaBrokerMain {
  private KafkaBrokerMain() {}

  /** {@code args}: the server.properties path and the cluster id. */
  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() >= 0) {
          // the parent writes nothing; EOF means it is gone
        }
      } catch (java.io.IOException e) {
        // treat like EOF
      }
      Runtime.getRuntime().halt(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    int rc = kafka.tools.StorageTool.execute(new String[] {"format", "-t", args[1], "-c", args[0]}, System.out);
    if (rc != 0) {
      System.err.println("storage format failed: " + rc);
      Runtime.getRuntime().halt(rc);
    }
    System.out.println("formatted");
    kafka.Kafka.main(new String[] {args[0]});
  }
}

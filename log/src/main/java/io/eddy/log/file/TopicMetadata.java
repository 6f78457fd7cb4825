package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.Retention;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The metadata file {@code topic.properties} of a topic directory, a Java properties file:
 * <pre>
 * format.version=1
 * partitions=4
 * retention.ms=604800000        (optional: the topic's own retention, -1 = unlimited)
 * retention.bytes=-1            (optional, present with retention.ms)
 * </pre>
 * Written once when the topic is created (inside a directory that is renamed into place only
 * when complete), never changed.
 */
record TopicMetadata(int partitions, Retention retention) {
  static final String FILE_NAME = "topic.properties";
  static final int FORMAT_VERSION = 1;

  TopicMetadata {
    if (partitions < 1) {
      throw new EddyException(ErrorCode.VALIDATION, "a topic needs at least one partition, not " + partitions);
    }
  }

  void write(Path topicDir) throws IOException {
    String text = "format.version=" + FORMAT_VERSION + "\npartitions=" + partitions + "\n"
        + (retention == null ? "" : "retention.ms=" + retention.millis() + "\nretention.bytes=" + retention.bytes() + "\n");
    Files.writeString(topicDir.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
  }

  static TopicMetadata read(Path topicDir) {
    Path file = topicDir.resolve(FILE_NAME);
    Properties p = new Properties();
    try (Reader r = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
      p.load(r);
      String version = p.getProperty("format.version");
      if (!String.valueOf(FORMAT_VERSION).equals(version)) {
        throw new EddyException(ErrorCode.STORAGE, file + ": unsupported format.version " + version);
      }
      String ms = p.getProperty("retention.ms");
      Retention retention = ms == null ? null
          : new Retention(Long.parseLong(ms.trim()), Long.parseLong(p.getProperty("retention.bytes", "-1").trim()));
      return new TopicMetadata(Integer.parseInt(p.getProperty("partitions", "0").trim()), retention);
    } catch (IOException | NumberFormatException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot read topic metadata " + file + ": " + e, e);
    }
  }
}

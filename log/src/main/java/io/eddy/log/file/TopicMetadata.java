package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
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
 * </pre>
 * Written once when the topic is created (inside a directory that is renamed into place only
 * when complete), never changed.
 */
record TopicMetadata(int partitions) {
  static final String FILE_NAME = "topic.properties";
  static final int FORMAT_VERSION = 1;

  TopicMetadata {
    if (partitions < 1) {
      throw new EddyException(ErrorCode.VALIDATION, "a topic needs at least one partition, not " + partitions);
    }
  }

  void write(Path topicDir) throws IOException {
    String text = "format.version=" + FORMAT_VERSION + "\npartitions=" + partitions + "\n";
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
      return new TopicMetadata(Integer.parseInt(p.getProperty("partitions", "0").trim()));
    } catch (IOException | NumberFormatException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot read topic metadata " + file + ": " + e, e);
    }
  }
}

package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.PartitionLog;
import io.eddy.log.TopicLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A topic directory: {@code topic.properties} and one sub-directory per partition, named by its
 * number ({@code 0}, {@code 1}, ...). All partitions are opened (and recovered) eagerly.
 * Thread-safe: the partition list is fixed; partitions are thread-safe.
 */
final class FileTopicLog implements TopicLog, AutoCloseable {
  private final String name;
  private final List<FilePartitionLog> partitions;

  private FileTopicLog(String name, List<FilePartitionLog> partitions) {
    this.name = name;
    this.partitions = List.copyOf(partitions);
  }

  static FileTopicLog open(String name, Path topicDir, LogConfig storeConfig, LogServices services) {
    TopicMetadata meta = TopicMetadata.read(topicDir);
    LogConfig config = meta.retention() == null ? storeConfig : storeConfig.withRetention(meta.retention());
    List<FilePartitionLog> opened = new ArrayList<>();
    try {
      for (int p = 0; p < meta.partitions(); p++) {
        opened.add(FilePartitionLog.open(name + "-" + p, topicDir.resolve(Integer.toString(p)), config, services));
      }
    } catch (RuntimeException e) {
      opened.forEach(FilePartitionLog::close);
      throw e;
    }
    return new FileTopicLog(name, opened);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int partitions() {
    return partitions.size();
  }

  @Override
  public PartitionLog partition(int partition) {
    if (partition < 0 || partition >= partitions.size()) {
      throw new EddyException(ErrorCode.NOT_FOUND, "topic " + name + " has no partition " + partition
          + " (it has " + partitions.size() + ")");
    }
    return partitions.get(partition);
  }

  void flush() {
    partitions.forEach(FilePartitionLog::flush);
  }

  void enforceRetention() {
    partitions.forEach(FilePartitionLog::enforceRetention);
  }

  List<FilePartitionLog> partitionLogs() {
    return partitions;
  }

  @Override
  public void close() {
    partitions.forEach(FilePartitionLog::close);
  }
}

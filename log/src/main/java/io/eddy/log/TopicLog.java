package io.eddy.log;

/** One topic: a fixed number of partitions. Thread-safe. */
public interface TopicLog {
  String name();

  int partitions();

  PartitionLog partition(int partition);
}

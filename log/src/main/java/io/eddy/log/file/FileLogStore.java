package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.LogStore;
import io.eddy.log.TopicConfig;
import io.eddy.log.TopicLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded log: a data directory holding one directory per topic.
 * <pre>
 * dir/.lock                                  held (OS file lock) while a store has the directory open
 * dir/&lt;topic&gt;/topic.properties              see {@link TopicMetadata}
 * dir/&lt;topic&gt;/&lt;partition&gt;/&lt;offset&gt;.log       segments, see {@link BatchFormat}
 * dir/&lt;topic&gt;/&lt;partition&gt;/&lt;offset&gt;.index     their offset and time indexes, see {@link IndexFile}
 * dir/&lt;topic&gt;/&lt;partition&gt;/recovery-point    see {@link RecoveryPoint}
 * </pre>
 * A topic is created in a hidden staging directory and renamed into place, so a crash never leaves
 * half a topic; delete renames it away before removing the files. Staging leftovers are removed at
 * open. Durability follows {@link LogConfig#fsync()}; with {@code interval} the store's
 * {@link LogScheduler} calls {@link #flush()} every {@link LogConfig#flushIntervalMillis()}, and
 * it enforces retention every {@value #RETENTION_CHECK_MILLIS} ms (and on every segment roll). All
 * file access goes through the injected {@link FileIo} (see {@link LogServices}).
 *
 * <p>Thread-safe. Topic management is serialised on the store; partitions serialise their own
 * appends. Only one store (in any process) may have a directory open at a time.
 */
public final class FileLogStore implements LogStore {
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");
  private static final String LOCK_FILE = ".lock";
  private static final String STAGING_PREFIX = ".staging-";
  static final long RETENTION_CHECK_MILLIS = 30_000;
  private static final System.Logger LOG = System.getLogger(FileLogStore.class.getName());

  private final Path dir;
  private final LogConfig config;
  private final LogServices services;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, FileTopicLog> open = new HashMap<>();
  private boolean closed;

  private FileLogStore(Path dir, LogConfig config, LogServices services, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.config = config;
    this.services = services;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Opens (creating if needed) the store in {@code dir}; fails with STORAGE if another store holds it. */
  public static FileLogStore open(Path dir, LogConfig config) {
    return open(dir, config, LogServices.system());
  }

  /**
   * Opens the store with the given file access, clock and scheduler; the store owns (and
   * closes) the scheduler. Fails with STORAGE if another store holds the directory.
   */
  public static FileLogStore open(Path dir, LogConfig config, LogServices services) {
    FileChannel ch = null;
    try {
      Files.createDirectories(dir);
      ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = tryLock(ch);
      if (l == null) {
        throw new EddyException(ErrorCode.STORAGE, "log directory " + dir + " is in use by another Eddy store");
      }
      removeStaging(dir);
      FileLogStore store = new FileLogStore(dir, config, services, ch, l);
      if (config.fsync() == LogConfig.Fsync.INTERVAL) {
        services.scheduler().schedule("flush " + dir, config.flushIntervalMillis(), store::flushOpenTopics);
      }
      services.scheduler().schedule("retention " + dir, RETENTION_CHECK_MILLIS, store::enforceRetention);
      return store;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch, e);
      throw e instanceof EddyException ee ? ee
          : new EddyException(ErrorCode.STORAGE, "cannot open log directory " + dir + ": " + e, e);
    }
  }

  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  @Override
  public synchronized TopicLog create(String topic, int partitions, TopicConfig topicConfig) {
    checkOpen();
    checkName(topic);
    if (exists(topic)) {
      throw new EddyException(ErrorCode.ALREADY_EXISTS, "topic " + topic + " already exists in " + dir);
    }
    TopicMetadata meta = new TopicMetadata(partitions, topicConfig.retention());
    Path staging = dir.resolve(STAGING_PREFIX + topic);
    try {
      deleteTree(staging);
      Files.createDirectory(staging);
      for (int p = 0; p < partitions; p++) {
        Files.createDirectory(staging.resolve(Integer.toString(p)));
      }
      meta.write(staging);
      if (config.fsync() != LogConfig.Fsync.NONE) {
        try (StorageFile f = services.io().open(staging.resolve(TopicMetadata.FILE_NAME))) {
          f.force();
        }
        services.io().forceDirectory(staging);
      }
      Files.move(staging, dir.resolve(topic), StandardCopyOption.ATOMIC_MOVE);
      if (config.fsync() != LogConfig.Fsync.NONE) {
        services.io().forceDirectory(dir);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot create topic " + topic + " in " + dir + ": " + e, e);
    }
    return open(topic);
  }

  @Override
  public synchronized TopicLog open(String topic) {
    checkOpen();
    FileTopicLog t = open.get(topic);
    if (t != null) {
      return t;
    }
    if (!exists(topic)) {
      throw new EddyException(ErrorCode.NOT_FOUND, "topic " + topic + " does not exist in " + dir);
    }
    t = FileTopicLog.open(topic, dir.resolve(topic), config, services);
    open.put(topic, t);
    return t;
  }

  @Override
  public boolean exists(String topic) {
    return TOPIC_NAME.matcher(topic).matches() && Files.isRegularFile(dir.resolve(topic).resolve(TopicMetadata.FILE_NAME));
  }

  @Override
  public Set<String> topics() {
    try (Stream<Path> entries = Files.list(dir)) {
      Set<String> names = new TreeSet<>();
      entries.map(p -> p.getFileName().toString()).filter(this::exists).forEach(names::add);
      return names;
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot list topics in " + dir + ": " + e, e);
    }
  }

  @Override
  public synchronized void delete(String topic) {
    checkOpen();
    if (!exists(topic)) {
      throw new EddyException(ErrorCode.NOT_FOUND, "topic " + topic + " does not exist in " + dir);
    }
    FileTopicLog t = open.remove(topic);
    if (t != null) {
      t.close();
    }
    Path doomed = dir.resolve(STAGING_PREFIX + topic);
    try {
      deleteTree(doomed);
      Files.move(dir.resolve(topic), doomed, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(doomed);
    } catch (IOException | UncheckedIOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot delete topic " + topic + " in " + dir + ": " + e, e);
    }
  }

  /**
   * Forces every open partition's unforced appends to the device (the {@code interval} policy's
   * tick). A failure stops the partition it happened in (fail-stop) and is thrown.
   */
  public synchronized void flush() {
    checkOpen();
    open.values().forEach(FileTopicLog::flush);
  }

  /** The scheduled flush: every partition is tried; a failure stops its partition and is logged. */
  private synchronized void flushOpenTopics() {
    forEachPartition("flush", FilePartitionLog::flush);
  }

  /** Deletes the segments retention no longer keeps in every open partition (scheduled; also on each roll). */
  public synchronized void enforceRetention() {
    forEachPartition("retention", FilePartitionLog::enforceRetention);
  }

  private void forEachPartition(String what, java.util.function.Consumer<FilePartitionLog> action) {
    if (closed) {
      return;
    }
    for (FileTopicLog t : open.values()) {
      for (FilePartitionLog p : t.partitionLogs()) {
        try {
          action.accept(p);
        } catch (EddyException e) {
          LOG.log(System.Logger.Level.ERROR, what + " of " + p + " failed: " + e.getMessage());
        }
      }
    }
  }

  /** Stops the scheduler, closes every opened topic (cleanly, see {@link FilePartitionLog#close()}), then releases the directory. Idempotent. */
  @Override
  public void close() {
    services.scheduler().close(); // outside the lock: a running task may be waiting for it
    synchronized (this) {
      closeTopics();
    }
  }

  private void closeTopics() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      open.values().forEach(FileTopicLog::close);
      open.clear();
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        throw new EddyException(ErrorCode.STORAGE, "cannot release " + dir.resolve(LOCK_FILE) + ": " + e, e);
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new EddyException(ErrorCode.STORAGE, "the log store in " + dir + " is closed");
    }
  }

  private static void checkName(String topic) {
    if (!TOPIC_NAME.matcher(topic).matches()) {
      throw new EddyException(ErrorCode.VALIDATION, "invalid topic name '" + topic
          + "': use up to 200 letters, digits, '.', '_' or '-', not starting with '.' or '-'");
    }
  }

  private static void removeStaging(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
        deleteTree(p);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void closeQuietly(FileChannel ch, Exception primary) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        primary.addSuppressed(e);
      }
    }
  }
}

package io.eddy.bench.nexmark;

import io.eddy.bench.ScratchDirectory;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.RowAppender;
import io.eddy.engine.Session;
import io.eddy.log.format.ByteSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the in-process generator's time goes, per event (ns), in the order an event pays it:
 * <ol>
 *   <li>{@code draws}: the peer-identical draws alone, handed to appenders that ignore them;
 *   <li>{@code drawsAndCopy}: the same, with each value copied into a batch-sized buffer (the text
 *       read from the generator's tables, as any encoding must read it);
 *   <li>{@code appendToLog}: the bench's real path, appenders of a file-log {@link Engine}
 *       encoding rows and appending a log batch per 10,000 events (no query reads them);
 *   <li>{@code writeOnly}: the kernel's share of that, the same bytes per event written as one
 *       heap buffer per 10,000 events to a growing file, as the log writes them.
 * </ol>
 * {@code appendToLog} minus {@code drawsAndCopy} minus {@code writeOnly} is the encoding and
 * framing. Not part of the test suite; see bench/README.md for the command.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:MaxTenuringThreshold=1"})
public class GeneratorCostBenchmarks {
  static final int EVENTS = 10_000;

  /** A generator over appenders that drop what they are given, or copy it into one buffer. */
  @State(Scope.Thread)
  public static class Detached {
    final NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.defaults());
    final ByteSink sink = new ByteSink(4 << 20);
    StreamAppender dropping;
    StreamAppender copying;

    @Setup
    public void setup() {
      dropping = new StreamAppender(appenders(null));
      copying = new StreamAppender(appenders(sink));
    }

    private static RowAppender[] appenders(ByteSink sink) {
      RowAppender[] out = new RowAppender[Event.Kind.values().length];
      for (int i = 0; i < out.length; i++) {
        out[i] = new DetachedAppender(sink);
      }
      return out;
    }
  }

  /**
   * A file-log engine with the Nexmark streams, in a temporary directory made for each iteration
   * and deleted after it (so that no iteration writes enough to meet the kernel's dirty-page limit).
   */
  @State(Scope.Thread)
  public static class Logged {
    final NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.defaults());
    ScratchDirectory dir;
    Engine engine;
    StreamAppender out;

    @Setup(Level.Iteration)
    public void setup() {
      dir = ScratchDirectory.create("eddy-jmh-");
      engine = Engine.open(new EngineConfig(dir.path(), Map.of("log.fsync", "none")));
      try (Session session = engine.openSession()) {
        session.executeScript(NexmarkQuery.schema(1, 256)); // the bench's retention: the kernel writes into recycled pages
      }
      out = new StreamAppender(engine, Integer.MAX_VALUE);
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
      engine.close();
      dir.close();
    }
  }

  /**
   * A growing file written with one heap buffer of {@link #EVENTS} events' log bytes at a time;
   * a new file for each iteration, deleted after it.
   */
  @State(Scope.Thread)
  public static class RawFile {
    ScratchDirectory dir;
    FileChannel file;
    ByteBuffer batch;
    long position;

    /** Measures the log bytes per event (the engine's files after 100,000 events) and sizes the batch to it. */
    @Setup
    public void setup() throws IOException {
      Logged probe = new Logged();
      probe.setup();
      long before = bytesUnder(probe.dir.path());
      for (int i = 0; i < 10 * EVENTS; i++) {
        probe.generator.appendNext(probe.out);
      }
      probe.out.flush();
      long perEvent = (bytesUnder(probe.dir.path()) - before) / (10 * EVENTS);
      probe.tearDown();
      batch = ByteBuffer.allocate((int) (perEvent * EVENTS));
      for (int i = 0; i < batch.capacity(); i++) {
        batch.put(i, (byte) ('a' + i % 26));
      }
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
      dir = ScratchDirectory.create("eddy-jmh-");
      file = FileChannel.open(dir.path().resolve("raw.log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      position = 0;
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
      file.close();
      dir.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void draws(Detached s) {
    for (int i = 0; i < EVENTS; i++) {
      s.generator.appendNext(s.dropping);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int drawsAndCopy(Detached s) {
    s.sink.reset();
    for (int i = 0; i < EVENTS; i++) {
      s.generator.appendNext(s.copying);
    }
    return s.sink.size();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void appendToLog(Logged s) {
    for (int i = 0; i < EVENTS; i++) {
      s.generator.appendNext(s.out);
    }
    s.out.flush();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long writeOnly(RawFile s) throws IOException {
    ByteBuffer b = s.batch.clear();
    while (b.hasRemaining()) {
      s.position += s.file.write(b, s.position);
    }
    return s.position;
  }

  private static long bytesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Takes a row's values and drops them, or copies them into a shared sink (8 bytes a number). */
  private static final class DetachedAppender implements RowAppender {
    private final ByteSink sink;

    DetachedAppender(ByteSink sink) {
      this.sink = sink;
    }

    @Override
    public RowAppender setLong(int column, long value) {
      if (sink != null) {
        sink.writeLong(value);
      }
      return this;
    }

    @Override
    public RowAppender setDouble(int column, double value) {
      return setLong(column, Double.doubleToRawLongBits(value));
    }

    @Override
    public RowAppender setBoolean(int column, boolean value) {
      return setLong(column, value ? 1 : 0);
    }

    @Override
    public RowAppender setString(int column, String value) {
      throw new UnsupportedOperationException("the generator sets text as bytes");
    }

    @Override
    public RowAppender setUtf8(int column, byte[] utf8, int offset, int length) {
      if (sink != null) {
        sink.writeBytes(utf8, offset, length);
      }
      return this;
    }

    @Override
    public RowAppender setValue(int column, Object value) {
      throw new UnsupportedOperationException("the generator sets numbers and bytes");
    }

    @Override
    public RowAppender setNull(int column) {
      return this;
    }

    @Override
    public void discardRow() {}

    @Override
    public void endRow() {}

    @Override
    public int pending() {
      return 0;
    }

    @Override
    public long flush() {
      return 0;
    }

    @Override
    public void close() {}
  }
}

package io.eddy.bench;

import io.eddy.bench.nexmark.NexmarkCsvFile;
import io.eddy.bench.nexmark.NexmarkGenerator;
import io.eddy.bench.nexmark.NexmarkQuery;
import io.eddy.bench.nexmark.StreamAppender;
import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.CountingQuery;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one Nexmark query on a fresh engine in a temporary data directory (log fsync off): the
 * three streams, the query's setup statements, then the query itself as a counting standing query
 * ({@link Engine#startCounting}) fed by the generator, a paced generator, or a loaded CSV file.
 * A query the engine cannot plan is reported, not thrown. Not thread-safe.
 */
final class NexmarkRunner {
  private final BenchOptions options;

  NexmarkRunner(BenchOptions options) {
    this.options = options;
  }

  QueryReport run(String name) {
    NexmarkQuery q = NexmarkQuery.load(name);
    ScratchDirectory dir = ScratchDirectory.create("eddy-nexmark-");
    try (Engine engine = Engine.open(new EngineConfig(dir.path(), Map.of("log.fsync", "none",
        "parallelism", String.valueOf(options.parallelism()))));
        Session session = engine.openSession()) {
      session.executeScript(NexmarkQuery.schema(options.parallelism(), options.retentionMb()));
      for (String s : q.setup()) {
        session.execute(s);
      }
      if (options.input() != null) {
        return runFile(engine, q);
      }
      return runGenerated(engine, q);
    } catch (EddyException e) {
      String status = e.code() == ErrorCode.UNSUPPORTED ? "unsupported" : e.code().name().toLowerCase(Locale.ROOT);
      return QueryReport.failed(name, status, e.reason());
    } catch (RuntimeException e) { // a bug in the engine: reported, and the other queries still run
      return QueryReport.failed(name, "internal", e.toString());
    } finally {
      dir.close();
    }
  }

  /**
   * Generator and query run concurrently; the clock runs from the first append to caught-up.
   * Unpaced, events are appended in batches as fast as they are made. Paced ({@code --rate}),
   * events are appended in ticks of about a millisecond ({@code rate / 1000} events each) on
   * schedule, whether or not the query keeps up, and a {@link LatencyObserver} times when each
   * tick becomes visible, from the tick's scheduled time. The first events ({@link
   * BenchOptions#warmupEvents}: a tenth of a paced run by default, none of an unpaced one) are a
   * warm-up (JIT compilation of the generator, appender and query; with more, the state growing to
   * its steady size): appended in the same ticks or batches, each as soon as the last was
   * processed, and left out of the clock, the CPU time and the percentiles. With retention
   * ({@link BenchOptions#maxLagEvents}), an unpaced generator waits whenever the query is further
   * behind than that, so that retention never deletes an event the query has not read.
   */
  private QueryReport runGenerated(Engine engine, NexmarkQuery q) {
    Long rate = options.rate();
    int perTick = rate == null ? options.batch() : (int) Math.max(1, rate / 1000);
    double tickNanos = rate == null ? 0 : perTick * 1e9 / rate;
    long warmup = options.warmupEvents();
    int ticks = rate == null ? 0 : (int) ((options.events() - warmup + perTick - 1) / perTick);
    System.gc();
    try (HeapSampler heap = new HeapSampler()) {
      long t0 = System.nanoTime();
      try (CountingQuery cq = engine.startCounting(q.select())) {
        long plan = System.nanoTime() - t0;
        NexmarkGenerator gen = new NexmarkGenerator(options.generatorConfig());
        StreamAppender out = new StreamAppender(engine, Integer.MAX_VALUE);
        while (gen.position() < warmup) {
          appendTick(gen, out, Math.min(perTick, warmup - gen.position()));
          cq.awaitCaughtUp();
        }
        try (LatencyObserver observer = rate == null ? null : new LatencyObserver(cq, ticks)) {
          Lag lag = rate == null ? new Lag(cq, options.maxLagEvents()) : null;
          long t1 = System.nanoTime();
          Sample start = Sample.now();
          for (int tick = 0; gen.position() < options.events(); tick++) {
            long due = t1 + (long) (tick * tickNanos);
            sleepUntil(due);
            appendTick(gen, out, Math.min(perTick, options.events() - gen.position()));
            if (observer != null) {
              observer.submit(due, cq.mark());
            } else {
              lag.appended(gen.position());
            }
          }
          Path log = options.latencyLog(q.name());
          if (log != null) {
            observer.write(log, t1);
          }
          long[] latencies = observer == null ? new long[0] : observer.sorted();
          cq.awaitCaughtUp();
          long t2 = System.nanoTime();
          return report(q, cq, gen.position() - warmup, plan, Double.NaN, t2 - t1, Sample.now().since(start), heap,
              percentile(latencies, 0.50), percentile(latencies, 0.99));
        }
      }
    }
  }

  /**
   * Keeps an unpaced generator at most {@code maxEvents} ahead of the query: after each batch,
   * waits until the query has processed every batch that ended more than that many events ago.
   */
  private static final class Lag {
    private final CountingQuery query;
    private final long maxEvents;
    /** The batches the query may not have processed yet: where each ended, and its mark. */
    private final java.util.ArrayDeque<Batch> appended = new java.util.ArrayDeque<>();

    private record Batch(long end, CountingQuery.Mark mark) {}

    Lag(CountingQuery query, long maxEvents) {
      this.query = query;
      this.maxEvents = maxEvents;
    }

    /** A batch ending at event {@code position} was appended. */
    void appended(long position) {
      if (maxEvents == Long.MAX_VALUE) {
        return;
      }
      appended.add(new Batch(position, query.mark()));
      while (appended.peekFirst().end() <= position - maxEvents) {
        query.awaitProcessed(appended.removeFirst().mark());
      }
    }
  }

  private static void appendTick(NexmarkGenerator gen, StreamAppender out, long events) {
    for (long k = 0; k < events; k++) {
      gen.appendNext(out);
    }
    out.flush();
  }

  /**
   * Loads the file into the log first, then times the query over all of it. With {@code --passes N},
   * the query first runs N - 1 times over the whole log, each stopped once caught up, and only the
   * last, N-th run from the start is timed (the JIT has compiled the read path and the operators by
   * then).
   */
  private QueryReport runFile(Engine engine, NexmarkQuery q) {
    long t0 = System.nanoTime();
    engine.startCounting(q.select()).close(); // refuse an unsupported query before loading
    long planNanos = System.nanoTime() - t0;
    System.gc();
    try (HeapSampler heap = new HeapSampler()) {
      long l0 = System.nanoTime();
      StreamAppender out = new StreamAppender(engine, options.batch());
      long events = NexmarkCsvFile.load(options.input(), out);
      out.flush();
      long l1 = System.nanoTime();
      for (int pass = 1; pass < options.passes(); pass++) {
        try (CountingQuery warm = engine.startCounting(q.select())) {
          warm.awaitCaughtUp();
        }
      }
      try (CountingQuery cq = engine.startCounting(q.select())) {
        long t1 = System.nanoTime();
        Sample start = Sample.now();
        cq.awaitCaughtUp();
        long t2 = System.nanoTime();
        return report(q, cq, events, planNanos, (l1 - l0) / 1e9, t2 - t1, Sample.now().since(start), heap,
            Double.NaN, Double.NaN);
      }
    }
  }

  private static QueryReport report(NexmarkQuery q, CountingQuery cq, long events, long planNanos, double loadS,
      long runNanos, Usage used, HeapSampler heap, double p50, double p99) {
    heap.close();
    return new QueryReport(q.name(), "ok", "", events, planNanos / 1e6, loadS, runNanos / 1e9, used.cpuNanos() / 1e9,
        cq.changesOut(), cq.netRowsOut(), cq.stateRows(), cq.stateBytes(), heap.peakBytes(), p50, p99,
        used.callerNanos() / 1e9, used.queryNanos() / 1e9, used.jitMillis() < 0 ? Double.NaN : used.jitMillis() / 1e3);
  }

  /** CPU and compile time used over the run: the process's, the calling thread's, the query threads'; jit -1 if unmeasured. */
  private record Usage(long cpuNanos, long callerNanos, long queryNanos, long jitMillis) {}

  /**
   * The process's CPU time, the calling thread's (the generator and its appends), each standing
   * query thread's (named {@code eddy-query-...}, by thread id) and the time the JIT's compiler
   * threads spent compiling (-1 when the JVM does not measure it), since each started.
   */
  private record Sample(long cpuNanos, long callerNanos, Map<Long, Long> queryThreads, long jitMillis) {
    static Sample now() {
      java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      long compiling = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Map<Long, Long> query = new HashMap<>();
      for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
        long cpu = t == null ? -1 : threads.getThreadCpuTime(t.getThreadId());
        if (t != null && t.getThreadName().startsWith("eddy-query-") && cpu >= 0) {
          query.put(t.getThreadId(), cpu);
        }
      }
      return new Sample(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime(), threads.getCurrentThreadCpuTime(), query, compiling);
    }

    /** What was used from {@code start} to this sample; a query thread that ended in between is left out. */
    Usage since(Sample start) {
      long query = 0;
      for (Map.Entry<Long, Long> e : queryThreads.entrySet()) {
        query += e.getValue() - start.queryThreads.getOrDefault(e.getKey(), 0L);
      }
      return new Usage(cpuNanos - start.cpuNanos, callerNanos - start.callerNanos, query,
          jitMillis < 0 || start.jitMillis < 0 ? -1 : jitMillis - start.jitMillis);
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(i, 0)] / 1e6;
  }

  private static void sleepUntil(long nanoTime) {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      java.util.concurrent.locks.LockSupport.parkNanos(left);
    }
  }
}

package io.eddy.engine.internal.parallel;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.Dataflow;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Exchanges;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.circuit.RowErrors;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One standing query run by N workers, step-synchronously (as in DBSP): each worker owns a copy
 * of the circuit with keyed exchanges in place ({@link Exchanges}). Between two {@link #flush}es
 * the query's thread pushes rows and watermark advances as with one circuit; they are only
 * recorded: rows are dealt to the workers (large batches in slices, one per worker; the part of a
 * circuit before its first exchange handles each row on its own), every watermark advance goes to
 * every worker. {@link #flush} then runs rounds: all workers process their inputs in parallel (the
 * query's thread is worker 0), the items their exchanges sent are delivered, sorted by cause
 * ({@link Item#ORDER}), and the next round runs, until nothing is in flight. Every worker sees
 * every watermark advance in the single-threaded order, so lateness, window closing and state
 * expiry decide exactly as with one thread; operator state is split by key, and the union of the
 * workers' outputs, emitted into the sink in worker order after the step, is the same Z-set.
 *
 * <p>Checkpoints are taken between steps, when no exchange holds anything: the worker count and
 * every worker's circuit state. They restore only into the same number of workers (the engine puts
 * the parallelism into the checkpoint's fingerprint). Driven by one thread (the query's, which
 * owns the worker threads); statistics readable from any thread.
 */
public final class ParallelCircuit implements Dataflow {
  /** Batches at least this large are sliced across the workers, smaller ones dealt whole. */
  private static final int SLICE_ROWS = 256;

  private final String name;
  private final int workers;
  private final List<Circuit> copies;
  private final Circuit[] circuits;
  private final Outbox[] outboxes;
  private final List<List<Item>> inputs = new ArrayList<>();
  private final List<List<ZBatch>> outputs = new ArrayList<>();
  private Emitter sink;
  private long seq;
  private int next;
  private ExecutorService pool;

  /**
   * {@code copies} makes fresh, unopened circuits of one plan; {@code workers} of them are made.
   * {@code name} names the worker threads.
   */
  public ParallelCircuit(String name, int workers, Supplier<Circuit> copies) {
    if (workers < 2) {
      throw new IllegalArgumentException("a parallel circuit needs 2 or more workers, not " + workers);
    }
    this.name = name;
    this.workers = workers;
    List<Circuit> made = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      made.add(copies.get());
    }
    this.copies = List.copyOf(made);
    Exchanges exchanges = Exchanges.of(made.get(0));
    this.circuits = new Circuit[workers];
    this.outboxes = new Outbox[workers];
    for (int w = 0; w < workers; w++) {
      outboxes[w] = new Outbox(exchanges, workers);
      circuits[w] = exchanges.rewire(made.get(w), w, workers, outboxes[w]);
      inputs.add(new ArrayList<>());
      outputs.add(new ArrayList<>());
    }
  }

  public int workers() {
    return workers;
  }

  @Override
  public List<Circuit.Source> sources() {
    return copies.get(0).sources();
  }

  @Override
  public RowType outputType() {
    return copies.get(0).outputType();
  }

  @Override
  public void open(Emitter sink, LateRowSink late) {
    if (late != LateRowSink.NONE) {
      throw new IllegalArgumentException("a parallel query cannot write late rows into a stream");
    }
    this.sink = sink;
    for (int w = 0; w < workers; w++) {
      List<ZBatch> out = outputs.get(w);
      circuits[w].open(out::add);
    }
    // What operators emit on open (VALUES, a global aggregate's first row) may cross exchanges.
    flush();
  }

  @Override
  public void open(Emitter sink, LateRowSink late, StateInput state) {
    if (late != LateRowSink.NONE) {
      throw new IllegalArgumentException("a parallel query cannot write late rows into a stream");
    }
    this.sink = sink;
    int recorded = state.readInt();
    if (recorded != workers) {
      throw new IllegalStateException("checkpoint is of " + recorded + " workers, the query has " + workers);
    }
    for (int w = 0; w < workers; w++) {
      List<ZBatch> out = outputs.get(w);
      circuits[w].open(out::add, state);
    }
  }

  @Override
  public boolean checkpointable() {
    return circuits[0].checkpointable();
  }

  @Override
  public List<String> unsupported() {
    return copies.get(0).unsupported();
  }

  @Override
  public void snapshot(StateOutput out) {
    out.writeInt(workers);
    for (Circuit c : circuits) {
      c.snapshot(out);
    }
  }

  /** Runs on the calling (query) thread between flushes, when the workers are idle, like {@link #snapshot}. */
  @Override
  public boolean freeReleased(int budget) {
    boolean waiting = false;
    for (Circuit c : circuits) {
      waiting |= c.freeReleased(budget);
    }
    return waiting;
  }

  @Override
  public void push(int sourceIndex, ZBatch batch) {
    long cause = seq++;
    int n = batch.size();
    if (n < SLICE_ROWS) {
      inputs.get(next).add(Item.rows(cause, sourceIndex, batch));
      next = (next + 1) % workers;
      return;
    }
    int per = ((n + workers - 1) / workers + 63) & ~63;
    for (int w = 0, from = 0; w < workers && from < n; w++, from += per) {
      inputs.get(w).add(Item.rows(cause, sourceIndex, batch.slice(from, Math.min(n, from + per))));
    }
  }

  @Override
  public void advanceWatermark(int sourceIndex, long watermark) {
    long cause = seq++;
    for (List<Item> in : inputs) {
      in.add(Item.watermark(cause, sourceIndex, watermark));
    }
  }

  /** Runs rounds until every worker is done and nothing is in flight, then emits the outputs. */
  @Override
  public void flush() {
    while (inputs.stream().anyMatch(l -> !l.isEmpty())) {
      runRound();
      deliver();
    }
    for (List<ZBatch> out : outputs) {
      for (ZBatch b : out) {
        sink.emit(b);
      }
      out.clear();
    }
  }

  private void runRound() {
    List<Future<?>> running = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      if (!inputs.get(w).isEmpty()) {
        int worker = w;
        running.add(pool().submit(() -> process(worker)));
      }
    }
    RuntimeException failed = null;
    try {
      process(0);
    } catch (RuntimeException e) {
      failed = e;
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failed == null) {
          failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = new IllegalStateException("interrupted while waiting for the workers of " + name, e);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private void process(int worker) {
    Circuit c = circuits[worker];
    Outbox out = outboxes[worker];
    for (Item item : inputs.get(worker)) {
      out.cause(item.seq());
      if (item.batch() != null) {
        c.push(item.source(), item.batch());
      } else {
        c.advanceWatermark(item.source(), item.watermark());
      }
    }
    inputs.get(worker).clear();
  }

  /** Moves what every worker sent into the receivers' inputs, in the order of their causes. */
  private void deliver() {
    for (int to = 0; to < workers; to++) {
      List<Item> in = inputs.get(to);
      for (Outbox o : outboxes) {
        in.addAll(o.sentTo(to));
      }
      in.sort(Item.ORDER); // stable: of equal causes, the sending workers' order
    }
    for (Outbox o : outboxes) {
      o.clear();
    }
  }

  private ExecutorService pool() {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(workers - 1, r -> {
        Thread t = new Thread(r, "eddy-query-" + name + "-worker");
        t.setDaemon(true);
        return t;
      });
    }
    return pool;
  }

  @Override
  public long watermark() {
    return circuits[0].watermark();
  }

  @Override
  public long lateRows() {
    long n = 0;
    for (Circuit c : circuits) {
      n += c.lateRows();
    }
    return n;
  }

  @Override
  public long errors() {
    long n = 0;
    for (Circuit c : circuits) {
      n += c.errors();
    }
    return n;
  }

  @Override
  public RowErrors.Last lastError() {
    RowErrors.Last last = null;
    for (Circuit c : circuits) {
      RowErrors.Last l = c.lastError();
      if (l != null && (last == null || l.nanoTime() - last.nanoTime() > 0)) {
        last = l;
      }
    }
    return last;
  }

  @Override
  public StateSize stateSize() {
    StateSize s = StateSize.NONE;
    for (Circuit c : circuits) {
      s = s.plus(c.stateSize());
    }
    return s;
  }

  /** The circuit as one thread would run it, with state and counters summed over the workers. */
  @Override
  public List<String> explain() {
    return Circuit.explain(copies, false);
  }

  @Override
  public List<String> explainState() {
    return Circuit.explain(copies, true);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

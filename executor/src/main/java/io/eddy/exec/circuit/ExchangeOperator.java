package io.eddy.exec.circuit;

import io.eddy.exec.batch.ZBatch;
import java.util.Arrays;

/**
 * The sending end of an exchange in one worker's circuit ({@link Exchanges}): routes each row of
 * its input to the worker that owns its key (hash of the key columns modulo the workers), or
 * every row to worker 0 ({@link Partitioning#SINGLE}), through the {@link ExchangeOutbox}; its
 * watermark advances follow the rows sent before them. Emits nothing into its own circuit.
 * Stateless between batches.
 */
final class ExchangeOperator implements Operator, Checkpointable.Stateless {
  private final int exchange;
  private final Partitioning to;
  private final int workers;
  private final ExchangeOutbox outbox;

  ExchangeOperator(int exchange, Partitioning to, int workers, ExchangeOutbox outbox) {
    this.exchange = exchange;
    this.to = to;
    this.workers = workers;
    this.outbox = outbox;
  }

  @Override
  public void open(Emitter out) {}

  @Override
  public void onBatch(int port, ZBatch b) {
    if (to.kind() != Partitioning.Kind.KEYED || workers == 1) {
      outbox.batch(exchange, 0, b);
      return;
    }
    int n = b.size();
    int[] target = new int[n];
    int[] counts = new int[workers];
    int[] keys = to.keys();
    for (int r = 0; r < n; r++) {
      target[r] = KeyHash.worker(b, r, keys, workers);
      counts[target[r]]++;
    }
    for (int w = 0; w < workers; w++) {
      if (counts[w] == n) {
        outbox.batch(exchange, w, b);
        return;
      }
    }
    ZBatch[] parts = b.scatter(target, workers);
    for (int w = 0; w < workers; w++) {
      if (parts[w] != null) {
        outbox.batch(exchange, w, parts[w]);
      }
    }
  }

  @Override
  public void onWatermark(long watermark) {
    outbox.watermark(exchange, watermark);
  }

  @Override
  public String describe() {
    return "Exchange#" + exchange + "(" + (to.kind() == Partitioning.Kind.KEYED ? "hash" + Arrays.toString(to.keys())
        : "to worker 0") + ")";
  }
}

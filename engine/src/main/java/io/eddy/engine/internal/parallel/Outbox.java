package io.eddy.engine.internal.parallel;

import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.ExchangeOutbox;
import io.eddy.exec.circuit.Exchanges;
import java.util.ArrayList;
import java.util.List;

/**
 * What one worker's exchanges sent in the current round, per receiving worker, stamped with the
 * cause of the item the worker was processing ({@link #cause}). Written by the worker's thread
 * during a round, read and cleared by the query's thread between rounds.
 */
final class Outbox implements ExchangeOutbox {
  private final Exchanges exchanges;
  private final List<List<Item>> to = new ArrayList<>();
  private long cause;

  Outbox(Exchanges exchanges, int workers) {
    this.exchanges = exchanges;
    for (int w = 0; w < workers; w++) {
      to.add(new ArrayList<>());
    }
  }

  void cause(long seq) {
    cause = seq;
  }

  @Override
  public void batch(int exchange, int target, ZBatch batch) {
    to.get(target).add(Item.rows(cause, exchanges.sourceOf(exchange), batch));
  }

  @Override
  public void watermark(int exchange, long watermark) {
    for (List<Item> items : to) {
      items.add(Item.watermark(cause, exchanges.sourceOf(exchange), watermark));
    }
  }

  /** What was sent to {@code worker}, in sending order. */
  List<Item> sentTo(int worker) {
    return to.get(worker);
  }

  boolean isEmpty() {
    return to.stream().allMatch(List::isEmpty);
  }

  void clear() {
    to.forEach(List::clear);
  }
}

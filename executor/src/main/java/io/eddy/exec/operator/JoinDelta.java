package io.eddy.exec.operator;

import io.eddy.exec.batch.ZBatch;

/**
 * The rows of one input batch that a {@link JoinOperator} joins, read in place: per kept row its
 * index in {@link #batch}, its weight, whether it has a key that can match ({@link #keyed}) and
 * that key's {@link JoinIndex#keyHash}, and with a time bound its time. Rows of weight 0 and late
 * rows are left out. Lives for one batch; not thread-safe.
 */
final class JoinDelta {
  final ZBatch batch;
  final int[] row;
  final long[] weight;
  final boolean[] keyed;
  final int[] keyHash;
  /** Per kept row its time (0 when NULL), or null without a time bound. */
  final long[] time;
  private int size;

  JoinDelta(ZBatch batch, boolean timed) {
    int n = batch.size();
    this.batch = batch;
    this.row = new int[n];
    this.weight = new long[n];
    this.keyed = new boolean[n];
    this.keyHash = new int[n];
    this.time = timed ? new long[n] : null;
  }

  /** Keeps row {@code r} of weight {@code w}; {@code hash} is its key's hash when {@code hasKey}. */
  void keep(int r, long w, boolean hasKey, int hash, long t) {
    row[size] = r;
    weight[size] = w;
    keyed[size] = hasKey;
    keyHash[size] = hash;
    if (time != null) {
      time[size] = t;
    }
    size++;
  }

  /** Rows kept. */
  int size() {
    return size;
  }
}

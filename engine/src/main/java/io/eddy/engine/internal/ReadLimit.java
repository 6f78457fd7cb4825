package io.eddy.engine.internal;

/**
 * How far readers may read each partition of a derived stream: the offsets its query's last
 * checkpoint committed. Records beyond may be truncated and recomputed after a crash, so no
 * other query may have read them. Published by the writing query's thread, read by any.
 */
final class ReadLimit {
  private volatile long[] committed;

  ReadLimit(long[] committed) {
    this.committed = committed.clone();
  }

  long limit(int partition) {
    return committed[partition];
  }

  void publish(long[] positions) {
    committed = positions.clone();
  }
}

package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random insert/retract batches over one schema that never retract more of a row than the
 * batches before inserted: duplicates, re-inserts, multi-row weights, zero weights and empty
 * batches included. Rows of a batch come in random order.
 */
final class RandomHistory {
  private RandomHistory() {}

  static List<ZBatch> generate(RandomRows rows, RowType type, int batches, int maxBatchSize) {
    Random random = rows.random();
    Map<Row, Long> live = new HashMap<>();
    List<ZBatch> out = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      Map<Row, Long> available = new HashMap<>(live);
      List<Row> changed = new ArrayList<>();
      List<Long> weights = new ArrayList<>();
      int size = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(maxBatchSize);
      for (int r = 0; r < size; r++) {
        Row row;
        long w;
        if (!available.isEmpty() && random.nextInt(3) == 0) {
          row = rows.pick(new ArrayList<>(available.keySet()));
          w = -(1 + random.nextInt(available.get(row).intValue()));
          ZSets.addInto(available, row, w);
        } else {
          row = !live.isEmpty() && random.nextInt(4) == 0 ? rows.pick(new ArrayList<>(live.keySet())) : rows.row(type);
          w = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(3);
        }
        changed.add(row);
        weights.add(w);
      }
      BatchBuilder b = new BatchBuilder(type, 1);
      for (int r = 0; r < changed.size(); r++) {
        b.addRow(changed.get(r).values(), weights.get(r));
        ZSets.addInto(live, changed.get(r), weights.get(r));
      }
      out.add(b.build());
    }
    return out;
  }

  /** All rows of {@code batches} in one batch, shuffled (so retractions may precede inserts). */
  static ZBatch merged(RowType type, List<ZBatch> batches, Random random) {
    List<Integer> order = new ArrayList<>();
    List<ZBatch> from = new ArrayList<>();
    for (ZBatch batch : batches) {
      for (int r = 0; r < batch.size(); r++) {
        order.add(r);
        from.add(batch);
      }
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      idx.add(i);
    }
    java.util.Collections.shuffle(idx, random);
    BatchBuilder b = new BatchBuilder(type, 1);
    for (int i : idx) {
      b.addRow(from.get(i), order.get(i), from.get(i).weight(order.get(i)));
    }
    return b.build();
  }
}

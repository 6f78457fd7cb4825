package io.eddy.bench.jmh;

import io.eddy.bench.nexmark.Event;
import io.eddy.bench.nexmark.NexmarkConfig;
import io.eddy.bench.nexmark.NexmarkGenerator;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.operator.AggregateOperator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import io.eddy.log.format.ByteSource;
import io.eddy.log.format.RowCodec;
import io.eddy.log.format.RowDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Micro-benchmarks of the per-row hot paths a Nexmark query crosses, on 1024 generated bids
 * (ns per row): decoding log records into a columnar batch (every source read: every column, and
 * q0's columns out of records laid back to back, as a source reader decodes a log batch), an insert-only
 * GROUP BY auction with COUNT(*) and MAX(price) (q4/q7-style state updates), and the generator
 * itself. Not part of the test suite; see bench/README.md for the command. Like tests, this source
 * set may reach the executor and log directly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmarks {
  static final int ROWS = 1024;
  private static final RowType BID = new RowType(List.of(col("auction", TypeKind.BIGINT),
      col("bidder", TypeKind.BIGINT), col("price", TypeKind.BIGINT), col("channel", TypeKind.VARCHAR),
      col("url", TypeKind.VARCHAR), col("dateTime", TypeKind.TIMESTAMP), col("extra", TypeKind.VARCHAR)));
  private static final RowType AGG_OUT = new RowType(List.of(col("auction", TypeKind.BIGINT),
      col("n", TypeKind.BIGINT), col("top", TypeKind.BIGINT)));

  private final RowCodec codec = new RowCodec(BID);
  private final List<byte[]> records = new ArrayList<>();
  /** The records back to back (as in a log batch), with their offsets and lengths. */
  private byte[] packed;
  private int[] offsets;
  private int[] lengths;
  /** q0's columns: auction, bidder, price, dateTime, extra (channel and url are skipped). */
  private final boolean[] q0Columns = {true, true, true, false, false, true, true};
  private final ByteSource source = new ByteSource(new byte[0], 0, 0);
  private final RowDecoder q0Decoder = codec.decoder(q0Columns);
  private ZBatch batch;
  private NexmarkGenerator generator;

  private static Column col(String name, TypeKind kind) {
    return new Column(name, SqlType.of(kind));
  }

  @Setup
  public void setup() {
    NexmarkGenerator gen = new NexmarkGenerator(NexmarkConfig.defaults());
    BatchBuilder b = new BatchBuilder(BID, ROWS);
    while (records.size() < ROWS) {
      if (gen.next() instanceof Event.Bid bid) {
        byte[] r = codec.encode(RowCodec.INSERT, bid.row());
        records.add(r);
        codec.decode(r, 0, r.length, b);
        b.endRow(1);
      }
    }
    batch = b.build();
    generator = new NexmarkGenerator(NexmarkConfig.defaults());
    offsets = new int[ROWS];
    lengths = new int[ROWS];
    packed = new byte[records.stream().mapToInt(r -> r.length).sum()];
    for (int i = 0, at = 0; i < ROWS; at += lengths[i++]) {
      byte[] r = records.get(i);
      System.arraycopy(r, 0, packed, at, r.length);
      offsets[i] = at;
      lengths[i] = r.length;
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public ZBatch decodeQ0ColumnsIntoBatch() {
    BatchBuilder b = new BatchBuilder(BID, ROWS, q0Columns);
    for (int i = 0; i < ROWS; i++) {
      byte kind = q0Decoder.decode(source.reset(packed, offsets[i], lengths[i]), b);
      b.endRow(kind == RowCodec.INSERT ? 1 : -1);
    }
    return b.build();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public ZBatch decodeBidsIntoBatch() {
    BatchBuilder b = new BatchBuilder(BID, ROWS);
    for (byte[] r : records) {
      codec.decode(r, 0, r.length, b);
      b.endRow(1);
    }
    return b.build();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void groupByAuctionCountMax(Blackhole bh) {
    AggregateOperator agg = new AggregateOperator(BID, new int[] {0},
        List.of(AggCall.countStar(), AggCall.of(AggKind.MAX, 2, SqlType.of(TypeKind.BIGINT))), AGG_OUT, true);
    agg.open(bh::consume);
    agg.onBatch(0, batch);
  }

  @Benchmark
  public Event generateEvent() {
    return generator.next();
  }
}

package io.eddy.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
import io.eddy.planner.catalog.StreamDef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The side output of a standing query with {@code LATE INTO}: turns each late row into a row of
 * the late stream ({@link LateStream}) and appends them to its log.
 *
 * <p>Checkpointed (exactly-once, {@link #hold}): late rows are held back until the query's next
 * checkpoint is durable and appended then ({@link #committed}), so the late stream never holds a
 * row that a restart recomputes. The checkpoint records the rows it commits and the late stream's
 * end offsets before their append ({@link #snapshot}); restoring it appends those of the rows
 * that the stream does not hold after these offsets (a crash between the checkpoint and the
 * append), and everything after the checkpoint is recomputed and written once. The stream is
 * never truncated: other views and INSERTs may write to it too. Read-your-writes through the
 * late stream waits for the writer's checkpoint; a subscription sees late rows up to one
 * checkpoint interval later.
 *
 * <p>Not checkpointed ({@code checkpoint.interval} 0, or an operator without checkpoint support),
 * as for derived streams without checkpoints ({@link LogSink}): rows are appended by
 * {@link #flush()} (after each polled chunk, before the query publishes its read position, so
 * read-your-writes holds through the late stream); a restarted query recomputes from the start of
 * its sources' logs and the first rows it sends here (as many as the late stream already holds for
 * this query's name) are not written again. That is exact when the recomputation finds the same
 * late rows in the same order (lateness is decided per row as it is read; idle-partition timeouts
 * depend on the wall clock). Driven by the query's thread; not thread-safe.
 */
final class LateStreamSink implements LateRowSink {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  private final EngineRuntime rt;
  private final StreamDef target;
  private final String queryName;
  private final List<Object[]> pending = new ArrayList<>();
  private long toSkip;
  /** Whether rows wait for {@link #committed} instead of {@link #flush}. */
  private boolean held;

  LateStreamSink(EngineRuntime rt, StreamDef target, String queryName) {
    this.rt = rt;
    this.target = target;
    this.queryName = queryName;
    this.toSkip = alreadyWritten(rt, target, queryName);
  }

  /** The rows the late stream holds from the query named {@code queryName}. */
  private static long alreadyWritten(EngineRuntime rt, StreamDef target, String queryName) {
    return rowsOf(new SourceReader(rt.topic(target), target.rowType()).readAll(), queryName).values().stream()
        .mapToLong(Long::longValue).sum();
  }

  /** The rows of {@code all} from the query named {@code queryName}, with their multiplicities. */
  private static Map<Row, Long> rowsOf(ZBatch all, String queryName) {
    Map<Row, Long> rows = new HashMap<>();
    for (int r = 0; r < all.size(); r++) {
      if (queryName.equals(all.get(0, r))) {
        rows.merge(Row.from(all, r), all.weight(r), Long::sum);
      }
    }
    return rows;
  }

  /**
   * Switches to checkpointed: late rows are held until {@link #committed}. Called before the
   * query opens; a query that then restores a checkpoint skips nothing ({@link #restore}), one
   * that recomputes from the start still skips what an earlier run without checkpoints wrote.
   */
  void hold() {
    held = true;
  }

  /** Checkpointing stopped for good: appends what is held and from now on every {@link #flush}. */
  void release() {
    held = false;
    flush();
  }

  /** Whether late rows wait for a checkpoint. */
  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** The late stream's end offsets now and the rows the checkpoint being taken commits. */
  void snapshot(StateOutput out) {
    TopicLog topic = rt.topic(target);
    out.writeInt(topic.partitions());
    for (int p = 0; p < topic.partitions(); p++) {
      out.writeLong(topic.partition(p).endOffset());
    }
    out.writeInt(pending.size());
    for (Object[] row : pending) {
      out.writeValues(row);
    }
  }

  /** The checkpoint that {@link #snapshot} wrote into is durable: appends its rows. */
  void committed() {
    if (!pending.isEmpty()) {
      Writer.append(rt, target, pending, RowCodec.INSERT);
      pending.clear();
    }
  }

  /**
   * The query resumes from a checkpoint: appends the rows it committed that the late stream does
   * not hold after the offsets it recorded (the query stopped before appending them).
   */
  void restore(StateInput in) {
    toSkip = 0;
    long[] from = new long[in.readCount()];
    for (int p = 0; p < from.length; p++) {
      from[p] = in.readLong();
    }
    List<Object[]> committed = new ArrayList<>();
    for (int i = in.readCount(); i > 0; i--) {
      committed.add(in.readValues());
    }
    TopicLog topic = rt.topic(target);
    if (committed.isEmpty()) {
      return;
    }
    if (from.length != topic.partitions()) {
      throw new IllegalStateException("late stream " + target.name() + " has another number of partitions");
    }
    Map<Row, Long> there = rowsOf(new SourceReader(topic, target.rowType()).seek(from).readAll(), queryName);
    List<Object[]> missing = new ArrayList<>();
    for (Object[] row : committed) {
      Row r = new Row(row);
      if (there.getOrDefault(r, 0L) > 0) {
        there.merge(r, -1L, Long::sum);
      } else {
        missing.add(row);
      }
    }
    if (!missing.isEmpty()) {
      Writer.append(rt, target, missing, RowCodec.INSERT);
    }
  }

  @Override
  public void late(RowType type, ZBatch batch, int row, long eventTime, long windowStart, long windowEnd) {
    if (toSkip > 0) {
      toSkip--;
      return;
    }
    pending.add(new Object[] {queryName, windowStart, windowEnd, eventTime, json(type, batch, row)});
  }

  /** The catalog key of the late stream. */
  String target() {
    return target.key();
  }

  /** Appends the late rows collected since the last flush, unless they are {@link #hold held}. */
  void flush() {
    if (!held && !pending.isEmpty()) {
      Writer.append(rt, target, pending, RowCodec.INSERT);
      pending.clear();
    }
  }

  /** The row as a JSON object by column name: timestamps and dates as SQL text, numbers as numbers. */
  static String json(RowType type, ZBatch batch, int row) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (int c = 0; c < type.size(); c++) {
        g.writeFieldName(type.get(c).name());
        Object v = batch.isNull(c, row) ? null : batch.get(c, row);
        if (v == null) {
          g.writeNull();
          continue;
        }
        switch (type.type(c).kind()) {
          case TIMESTAMP -> g.writeString(TIMESTAMP.format(Instant.ofEpochMilli(((Number) v).longValue())));
          case DATE -> g.writeString(LocalDate.ofEpochDay(((Number) v).longValue()).toString());
          case BOOLEAN -> g.writeBoolean((Boolean) v);
          case INT, BIGINT -> g.writeNumber(((Number) v).longValue());
          case DOUBLE -> g.writeNumber(((Number) v).doubleValue());
          case DECIMAL -> g.writeNumber((BigDecimal) v);
          default -> g.writeString(v.toString());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

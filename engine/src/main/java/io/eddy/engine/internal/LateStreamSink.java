package io.eddy.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.LateRowSink;
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
import java.util.List;

/**
 * The side output of a standing query with {@code LATE INTO}: turns each late row into a row of
 * the late stream ({@link LateStream}) and appends them to its log when the query calls
 * {@link #flush()} (after each polled chunk, before the query publishes its read position, so
 * read-your-writes holds through the late stream).
 *
 * <p>Exactly-once across restarts without checkpoints, as for derived streams ({@link LogSink}):
 * a restarted query recomputes from the start of its sources' logs and the first rows it sends
 * here (as many as the late stream already holds for this query's name) are not written again.
 * That is exact when the recomputation finds the same late rows in the same order (lateness is
 * decided per row as it is read; idle-partition timeouts depend on the wall clock). Driven by the
 * query's thread; not thread-safe.
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

  LateStreamSink(EngineRuntime rt, StreamDef target, String queryName) {
    this.rt = rt;
    this.target = target;
    this.queryName = queryName;
    this.toSkip = alreadyWritten(rt, target, queryName);
  }

  /** The rows the late stream holds from the query named {@code queryName}. */
  private static long alreadyWritten(EngineRuntime rt, StreamDef target, String queryName) {
    ZBatch all = new SourceReader(rt.topic(target), target.rowType()).readAll();
    long n = 0;
    for (int r = 0; r < all.size(); r++) {
      if (queryName.equals(all.get(0, r))) {
        n += all.weight(r);
      }
    }
    return n;
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

  /** Appends the late rows collected since the last flush. */
  void flush() {
    if (!pending.isEmpty()) {
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

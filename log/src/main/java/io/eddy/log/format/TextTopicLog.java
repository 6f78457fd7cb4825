package io.eddy.log.format;

import io.eddy.common.type.RowType;
import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import io.eddy.log.RecordVisitor;
import io.eddy.log.TopicLog;
import java.util.ArrayList;
import java.util.List;

/**
 * A topic of external text records (JSON or CSV, see {@link TextFormat}) seen as a topic of rows
 * in the binary row format ({@link RowCodec}), so that readers and writers of Eddy's own logs work
 * on it unchanged. Appends turn each row into text; reads turn each text record back into a row
 * and hand it on with the record's timestamp, or, when the stream has an event-time column, that
 * column's value. A record that is not a row of the type (bad syntax, a bad value, a missing
 * NOT NULL or event-time value) is skipped and counted in {@link #malformed()}, never handed on
 * and never an error: one bad message must not stop every query of the stream. Thread-safe as
 * the wrapped topic is.
 */
public final class TextTopicLog implements TopicLog {
  private final TopicLog raw;
  private final TextFormat format;
  private final RowCodec codec;
  private final int eventTimeColumn;
  private final MalformedRecords malformed;
  private final PartitionLog[] partitions;

  /**
   * @param raw the topic holding the text records
   * @param eventTimeColumn the TIMESTAMP column whose value is a row's timestamp, or -1 to keep
   *     the record timestamps
   */
  public TextTopicLog(TopicLog raw, TextFormat format, int eventTimeColumn) {
    this(raw, format, eventTimeColumn, new MalformedRecords(raw.partitions()));
  }

  private TextTopicLog(TopicLog raw, TextFormat format, int eventTimeColumn, MalformedRecords malformed) {
    this.raw = raw;
    this.format = format;
    this.codec = new RowCodec(format.rowType());
    this.eventTimeColumn = eventTimeColumn;
    this.malformed = malformed;
    this.partitions = new PartitionLog[raw.partitions()];
    for (int p = 0; p < partitions.length; p++) {
      partitions[p] = new Partition(p, raw.partition(p));
    }
  }

  @Override
  public String name() {
    return raw.name();
  }

  @Override
  public int partitions() {
    return partitions.length;
  }

  @Override
  public PartitionLog partition(int partition) {
    return partitions[partition];
  }

  /** The topic of text records under this one. */
  public TopicLog raw() {
    return raw;
  }

  /**
   * The same stream over another topic of its text records (a transactional writer of the same
   * Kafka topic), sharing this one's malformed-record counts.
   */
  public TextTopicLog over(TopicLog other) {
    return new TextTopicLog(other, format, eventTimeColumn, malformed);
  }

  public TextFormat format() {
    return format;
  }

  /** The records readers skipped because they were not rows of the type. */
  public MalformedRecords malformed() {
    return malformed;
  }

  /** The row of a text record, or the reason it is none. */
  private Object[] row(byte[] buf, int off, int len) {
    Object[] row = format.parse(buf, off, len);
    RowType type = format.rowType();
    for (int c = 0; c < row.length; c++) {
      if (row[c] == null && (c == eventTimeColumn || !type.type(c).nullable())) {
        throw new MalformedDataException("column " + type.get(c).name() + " needs a value"
            + (c == eventTimeColumn ? " (it is the stream's event time)" : " (NOT NULL)"));
      }
    }
    return row;
  }

  private final class Partition implements PartitionLog {
    private final int p;
    private final PartitionLog log;

    Partition(int p, PartitionLog log) {
      this.p = p;
      this.log = log;
    }

    @Override
    public long append(List<LogRecord> records) {
      List<LogRecord> text = new ArrayList<>(records.size());
      for (LogRecord r : records) {
        Object[] row = codec.decodeValues(r.value(), 0, r.value().length);
        text.add(new LogRecord(r.timestamp(), r.key(), format.format(row)));
      }
      return log.append(text);
    }

    @Override
    public long endOffset() {
      return log.endOffset();
    }

    @Override
    public long startOffset() {
      return log.startOffset();
    }

    @Override
    public long offsetForTime(long timestampMillis) {
      return log.offsetForTime(timestampMillis);
    }

    @Override
    public long read(long fromOffset, int maxBytes, RecordVisitor visitor) {
      ByteSink sink = new ByteSink(256);
      long next = log.read(fromOffset, maxBytes, (offset, ts, buf, off, len) -> {
        Object[] row;
        try {
          row = row(buf, off, len);
        } catch (MalformedDataException e) {
          malformed.record(p, offset, e.getMessage());
          return;
        }
        sink.reset();
        int n = codec.encode(RowCodec.INSERT, row, sink);
        long time = eventTimeColumn >= 0 ? (Long) row[eventTimeColumn] : ts;
        visitor.record(offset, time, sink.array(), 0, n);
      });
      malformed.readTo(p, next);
      return next;
    }
  }
}

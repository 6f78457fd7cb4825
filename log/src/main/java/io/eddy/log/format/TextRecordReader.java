package io.eddy.log.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.eddy.common.type.RowType;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads rows of a {@link RowType} from external text: JSON lines (one object per line, fields
 * matched to columns by name, case-insensitively; missing fields are NULL) or CSV with a header
 * row (columns matched by header name). Each {@link #next()} returns one record's values in the
 * representation of its column types, or throws {@link Malformed} naming the line, after which
 * reading may continue with the next record. Not thread-safe.
 */
public abstract class TextRecordReader implements Closeable {
  /** A record that does not fit the row type, with its 1-based line number. */
  public static final class Malformed extends RuntimeException {
    private final long line;
    private final String reason;

    public Malformed(long line, String reason) {
      super("line " + line + ": " + reason);
      this.line = line;
      this.reason = reason;
    }

    /** What is wrong, without the line. */
    public String reason() {
      return reason;
    }

    public long line() {
      return line;
    }
  }

  protected final RowType type;

  protected TextRecordReader(RowType type) {
    this.type = type;
  }

  /** The next record, or null at the end of the input. */
  public abstract Object[] next() throws IOException;

  /** A reader for {@code format} ("json" or "csv"). */
  public static TextRecordReader of(String format, RowType type, Reader in) throws IOException {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> new JsonLines(type, in);
      case "csv" -> new Csv(type, in);
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (json or csv)");
    };
  }


  /** The row of one JSON object (fields matched to columns by name, case-insensitively). */
  static Object[] jsonRow(ObjectMapper mapper, RowType type, String text, long line) {
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Malformed(line, "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new Malformed(line, "expected a JSON object");
    }
    Map<String, JsonNode> fields = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      fields.put(f.getKey().toLowerCase(Locale.ROOT), f.getValue());
    }
    Object[] row = new Object[type.size()];
    for (int c = 0; c < row.length; c++) {
      JsonNode v = fields.remove(type.get(c).name().toLowerCase(Locale.ROOT));
      row[c] = v == null || v.isNull() ? null : value(type, c, v.isValueNode() ? v.asText() : v.toString(), line);
    }
    if (!fields.isEmpty()) {
      throw new Malformed(line, "unknown field(s) " + fields.keySet());
    }
    return row;
  }

  /** The row of CSV fields, field i holding column {@code columnOf[i]}; empty fields are NULL except for VARCHAR. */
  static Object[] csvRow(RowType type, String[] fields, int[] columnOf, long line) {
    if (fields.length != columnOf.length) {
      throw new Malformed(line, "expected " + columnOf.length + " fields, found " + fields.length);
    }
    Object[] row = new Object[type.size()];
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i];
      row[columnOf[i]] = f.isEmpty() && type.type(columnOf[i]).kind() != io.eddy.common.type.TypeKind.VARCHAR
          ? null : value(type, columnOf[i], f, line);
    }
    return row;
  }

  private static Object value(RowType type, int column, String text, long line) {
    try {
      return TextValues.parse(text, type.type(column));
    } catch (MalformedDataException e) {
      throw new Malformed(line, "column " + type.get(column).name() + ": " + e.getMessage());
    }
  }

  private static final class JsonLines extends TextRecordReader {
    private final ObjectMapper mapper = new ObjectMapper();
    private final BufferedReader in;
    private long line;

    JsonLines(RowType type, Reader in) {
      super(type);
      this.in = new BufferedReader(in);
    }

    @Override
    public Object[] next() throws IOException {
      String text;
      do {
        text = in.readLine();
        line++;
        if (text == null) {
          return null;
        }
      } while (text.isBlank());
      return jsonRow(mapper, type, text, line);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static final class Csv extends TextRecordReader {
    private final MappingIterator<String[]> rows;
    private int[] columnOf;

    Csv(RowType type, Reader in) throws IOException {
      super(type);
      this.rows = new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
          .readValues(in);
    }

    @Override
    public Object[] next() throws IOException {
      if (columnOf == null && !readHeader()) {
        return null;
      }
      if (!rows.hasNextValue()) {
        return null;
      }
      long line = rows.getCurrentLocation().getLineNr();
      return csvRow(type, rows.nextValue(), columnOf, line);
    }

    private boolean readHeader() throws IOException {
      if (!rows.hasNextValue()) {
        return false;
      }
      String[] header = rows.nextValue();
      columnOf = new int[header.length];
      for (int i = 0; i < header.length; i++) {
        columnOf[i] = type.indexOf(header[i].trim());
        if (columnOf[i] < 0) {
          throw new Malformed(1, "header names '" + header[i] + "', which is not a column");
        }
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }
}

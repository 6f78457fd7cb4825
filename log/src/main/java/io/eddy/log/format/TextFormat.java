package io.eddy.log.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.eddy.common.type.RowType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One record of external text per row, for message-based logs (Kafka): a JSON object (fields
 * named like the columns, matched case-insensitively on read; missing fields are NULL), or a CSV
 * line with the columns in declared order and no header (an empty field is NULL, except for
 * VARCHAR, where it is the empty string). Values are read as {@link TextValues} reads them and
 * written so that they read back equal: numbers as numbers, TIMESTAMP as
 * {@code yyyy-MM-dd HH:mm:ss.SSS} (UTC), DATE as {@code yyyy-MM-dd}. Immutable and thread-safe.
 */
public final class TextFormat {
  /** The supported formats. */
  public enum Kind {
    JSON, CSV;

    /** {@code json} or {@code csv}, any case; else an IllegalArgumentException naming both. */
    public static Kind parse(String name) {
      return switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "json" -> JSON;
        case "csv" -> CSV;
        default -> throw new IllegalArgumentException("unknown format '" + name + "' (json or csv)");
      };
    }
  }

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectReader CSV_LINE = new CsvMapper().readerFor(String[].class)
      .with(CsvParser.Feature.WRAP_AS_ARRAY);

  private final RowType type;
  private final Kind kind;
  private final int[] columnOrder;

  public TextFormat(RowType type, Kind kind) {
    this.type = type;
    this.kind = kind;
    this.columnOrder = new int[type.size()];
    for (int i = 0; i < columnOrder.length; i++) {
      columnOrder[i] = i;
    }
  }

  public Kind kind() {
    return kind;
  }

  public RowType rowType() {
    return type;
  }

  /** The row held by one record's text; throws {@link MalformedDataException} with the reason. */
  public Object[] parse(byte[] buf, int off, int len) {
    String text = new String(buf, off, len, StandardCharsets.UTF_8);
    try {
      if (kind == Kind.JSON) {
        return TextRecordReader.jsonRow(JSON, type, text, 1);
      }
      String line = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      String[] fields = line.isEmpty() ? new String[] {""} : csvFields(line);
      return TextRecordReader.csvRow(type, fields, columnOrder, 1);
    } catch (TextRecordReader.Malformed e) {
      throw new MalformedDataException(e.reason());
    } catch (IOException e) {
      throw new MalformedDataException("not a CSV line: " + e.getMessage());
    }
  }

  private static String[] csvFields(String line) throws IOException {
    try (com.fasterxml.jackson.databind.MappingIterator<String[]> it = CSV_LINE.readValues(line)) {
      String[] fields = it.hasNextValue() ? it.nextValue() : new String[] {""};
      if (it.hasNextValue()) {
        throw new MalformedDataException("more than one CSV line in a record");
      }
      return fields;
    }
  }

  /** The text of {@code row} (values in the representation of the column types), UTF-8. */
  public byte[] format(Object[] row) {
    return (kind == Kind.JSON ? json(row) : csv(row)).getBytes(StandardCharsets.UTF_8);
  }

  private String json(Object[] row) {
    ObjectNode node = JSON.createObjectNode();
    for (int c = 0; c < row.length; c++) {
      String name = type.get(c).name();
      Object v = row[c];
      if (v == null) {
        node.putNull(name);
        continue;
      }
      switch (type.type(c).kind()) {
        case BOOLEAN -> node.put(name, (Boolean) v);
        case INT -> node.put(name, (Integer) v);
        case BIGINT -> node.put(name, (Long) v);
        case DOUBLE -> node.put(name, (Double) v);
        case DECIMAL -> node.put(name, (BigDecimal) v);
        case VARCHAR -> node.put(name, (String) v);
        case TIMESTAMP, DATE -> node.put(name, text(c, v));
      }
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a row as JSON", e);
    }
  }

  private String csv(Object[] row) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        sb.append(',');
      }
      if (row[c] == null) {
        continue;
      }
      String t = text(c, row[c]);
      if (t.isEmpty() || t.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')
          || !t.equals(t.trim())) {
        sb.append('"').append(t.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(t);
      }
    }
    return sb.toString();
  }

  private String text(int c, Object v) {
    return switch (type.type(c).kind()) {
      case TIMESTAMP -> TIMESTAMP.format(Instant.ofEpochMilli((Long) v));
      case DATE -> LocalDate.ofEpochDay((Integer) v).toString();
      case DECIMAL -> ((BigDecimal) v).toPlainString();
      default -> v.toString();
    };
  }
}

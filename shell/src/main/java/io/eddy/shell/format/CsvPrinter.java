package io.eddy.shell.format;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/** RFC 4180 CSV through Jackson: a header row, then one line per row, flushed row by row. */
final class CsvPrinter implements ResultPrinter {
  private final CsvMapper mapper = new CsvMapper();
  private final PrintStream out;
  private SequenceWriter writer;

  CsvPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(List<String> columns) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    try {
      writer = mapper.writer(schema.build()).writeValues(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void row(List<Object> values) {
    try {
      writer.write(values.stream().map(Cells::text).toList());
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end(long rows) {
    out.flush();
  }
}

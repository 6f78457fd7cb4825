package io.eddy.shell.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON lines: one object per row, keys in column order, numbers and booleans unquoted. */
final class JsonPrinter implements ResultPrinter {
  private final ObjectMapper mapper = new ObjectMapper();
  private final PrintStream out;
  private List<String> columns;

  JsonPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(List<String> names) {
    this.columns = names;
  }

  @Override
  public void row(List<Object> values) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      object.put(columns.get(i), values.get(i));
    }
    try {
      out.println(mapper.writeValueAsString(object));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  @Override
  public void end(long rows) {}
}

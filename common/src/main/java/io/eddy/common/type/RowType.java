package io.eddy.common.type;

import java.util.List;
import java.util.Locale;

/** An immutable list of columns. Names are matched case-insensitively. */
public record RowType(List<Column> columns) {
  public RowType {
    columns = List.copyOf(columns);
  }

  public int size() {
    return columns.size();
  }

  public Column get(int i) {
    return columns.get(i);
  }

  public SqlType type(int i) {
    return columns.get(i).type();
  }

  /** Index of the column named {@code name} (case-insensitive), or -1. */
  public int indexOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(n)) {
        return i;
      }
    }
    return -1;
  }
}

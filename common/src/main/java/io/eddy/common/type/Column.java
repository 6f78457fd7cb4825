package io.eddy.common.type;

import java.util.Objects;

/** A named, typed column of a stream, table, view or result. */
public record Column(String name, SqlType type) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}

package io.eddy.engine;

import io.eddy.common.type.SqlType;
import java.util.List;

/** A statement parsed and planned once, executed with bound {@code ?} parameters. */
public interface PreparedQuery {
  /** The types of the {@code ?} parameters in order of appearance. */
  List<SqlType> parameterTypes();

  Result execute(List<Object> parameters);
}

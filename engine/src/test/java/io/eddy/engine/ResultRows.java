package io.eddy.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: the rows of a {@link Result.Rows}, each as {@code Arrays.toString}. */
public final class ResultRows {
  private ResultRows() {}

  public static List<String> of(Result r) {
    List<String> out = new ArrayList<>();
    for (Object[] row : ((Result.Rows) r).rows()) {
      out.add(Arrays.toString(row));
    }
    return out;
  }
}

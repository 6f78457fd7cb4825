package io.eddy.engine.slt;

import io.eddy.engine.slt.SltRecord.Expected;
import io.eddy.engine.slt.SltRecord.SortMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares rendered rows with a query record's expected result by SLT's rules: sort per the
 * record's mode ({@code rowsort}: rows by their values column by column, {@code valuesort}: every
 * value on its own, {@code nosort}: as given), flatten row-major, then compare the values, or
 * their count and the md5 of {@code v1\nv2\n...vN\n}. Stateless.
 */
public final class SltComparison {
  private SltComparison() {}

  /** The flattened values of {@code rows} in the order {@code sort} gives them. */
  public static List<String> flatten(List<List<String>> rows, SortMode sort) {
    List<List<String>> ordered = new ArrayList<>(rows);
    if (sort == SortMode.ROWSORT) {
      ordered.sort(SltComparison::compareRows);
    }
    List<String> values = new ArrayList<>();
    ordered.forEach(values::addAll);
    if (sort == SortMode.VALUESORT) {
      values.sort(String::compareTo);
    }
    return values;
  }

  /** Null when {@code values} match, else a short description of the difference. */
  public static String mismatch(List<String> values, Expected expected) {
    if (expected instanceof SltRecord.Hash h) {
      if (values.size() != h.count()) {
        return values.size() + " values, expected " + h.count();
      }
      return md5(values).equals(h.md5()) ? null : values.size() + " values with a different hash";
    }
    List<String> want = ((SltRecord.Values) expected).values();
    if (values.equals(want)) {
      return null;
    }
    if (values.size() != want.size()) {
      return values.size() + " values, expected " + want.size() + abbreviate(values);
    }
    for (int i = 0; i < want.size(); i++) {
      if (!want.get(i).equals(values.get(i))) {
        return "value " + (i + 1) + " is " + values.get(i) + ", expected " + want.get(i);
      }
    }
    throw new AssertionError("unreachable");
  }

  private static String abbreviate(List<String> values) {
    String s = String.join(",", values);
    return values.isEmpty() ? "" : " (" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + ")";
  }

  static String md5(List<String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (String v : values) {
        md.update(v.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int compareRows(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}

package io.eddy.engine.slt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders engine values as sqllogictest does: {@code I} as a whole number (a fraction truncated
 * toward zero, booleans as 0/1), {@code R} with three decimals, {@code T} as text; NULL as
 * {@code NULL}, the empty string as {@code (empty)}, control and non-ASCII characters as
 * {@code @}. Stateless.
 */
public final class SltValues {
  private SltValues() {}

  /** Renders every row; a row whose width differs from {@code types} is an error. */
  public static List<List<String>> render(List<Object[]> rows, String types) {
    List<List<String>> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      if (row.length != types.length()) {
        throw new IllegalArgumentException("query has " + row.length + " columns, the test expects "
            + types.length());
      }
      List<String> r = new ArrayList<>(row.length);
      for (int c = 0; c < row.length; c++) {
        r.add(render(row[c], types.charAt(c)));
      }
      out.add(r);
    }
    return out;
  }

  public static String render(Object v, char type) {
    if (v == null) {
      return "NULL";
    }
    return switch (type) {
      case 'I' -> integer(v);
      case 'R' -> String.format(Locale.ROOT, "%.3f", number(v));
      case 'T' -> text(v);
      default -> throw new IllegalArgumentException("unknown SLT type '" + type + "'");
    };
  }

  private static String integer(Object v) {
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return v.toString();
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString()).toBigInteger().toString();
    }
    return leadingInteger(v.toString());
  }

  private static double number(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** SQLite's text-to-integer conversion: the longest leading integer, else 0. */
  private static String leadingInteger(String s) {
    String t = s.trim();
    int i = (t.startsWith("-") || t.startsWith("+")) ? 1 : 0;
    int digits = i;
    while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
      digits++;
    }
    return digits == i ? "0" : new BigDecimal(t.substring(0, digits)).toBigInteger().toString();
  }

  private static String text(Object v) {
    String s;
    if (v instanceof Double d) {
      s = realText(d);
    } else if (v instanceof Boolean b) {
      s = b ? "1" : "0";
    } else {
      s = v.toString();
    }
    if (s.isEmpty()) {
      return "(empty)";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      b.append(ch < ' ' || ch > '~' ? '@' : ch);
    }
    return b.toString();
  }

  /** SQLite prints a REAL as text with up to 15 significant digits and at least one decimal. */
  private static String realText(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    String g = new BigDecimal(d).round(new java.math.MathContext(15)).stripTrailingZeros().toPlainString();
    return g;
  }
}

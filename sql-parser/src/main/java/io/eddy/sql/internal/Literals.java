package io.eddy.sql.internal;

/** Pure helpers for quoted literals of the statement language. Stateless. */
public final class Literals {
  private Literals() {}

  /**
   * Strips the surrounding {@code quote} characters of {@code text} and un-doubles quotes inside:
   * {@code 'it''s'} becomes {@code it's}, {@code `a``b`} becomes {@code a`b}.
   */
  public static String unquote(String text, char quote) {
    if (text.length() < 2 || text.charAt(0) != quote || text.charAt(text.length() - 1) != quote) {
      throw new IllegalArgumentException("not quoted with " + quote + ": " + text);
    }
    String q = String.valueOf(quote);
    return text.substring(1, text.length() - 1).replace(q + q, q);
  }

  /** The value of a {@code 'string'} literal. */
  public static String string(String text) {
    return unquote(text, '\'');
  }
}

package io.eddy.bench.nexmark;

import java.util.SplittableRandom;

/** Random strings of the Nexmark model; every draw comes from the caller's generator. */
final class RandomText {
  private RandomText() {}

  /**
   * 3 to {@code maxLength - 1} characters, each {@code special} with probability 1/13, else a
   * random lowercase letter; trimmed.
   */
  static String string(SplittableRandom r, int maxLength, char special) {
    AsciiText text = new AsciiText(maxLength);
    append(r, maxLength, special, text);
    return text.toString();
  }

  /**
   * Appends the characters {@link #string} draws, from the same draws, trimmed as
   * {@link String#trim()} trims them (characters up to {@code ' '} dropped at both ends), to
   * {@code out}, which needs room for {@code maxLength - 1} more.
   */
  static void append(SplittableRandom r, int maxLength, char special, AsciiText out) {
    int start = out.length();
    int n = 3 + r.nextInt(maxLength - 3);
    for (int i = 0; i < n; i++) {
      byte c = r.nextInt(13) == 0 ? (byte) special : (byte) ('a' + r.nextInt(26));
      if (c > ' ' || out.length() > start) {
        out.append(c);
      }
    }
    out.trimEnd(start);
  }

  /** {@code https://www.nexmark.com/<a>/<b>/<c>/item.htm?query=1} with short random path parts. */
  static String url(SplittableRandom r) {
    String a = string(r, 5, '_');
    String b = string(r, 5, '_');
    String c = string(r, 5, '_');
    return "https://www.nexmark.com/" + a + '/' + b + '/' + c + "/item.htm?query=1";
  }

  /** {@code n} random lowercase letters. */
  static String letters(SplittableRandom r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) ('a' + r.nextInt(26));
    }
    return new String(c);
  }
}

package io.eddy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Golden files of binary formats, stored as hex text (16 bytes a line) under
 * {@code src/test/resources/golden} so a format change shows in review as a diff. A mismatch writes
 * {@code <name>.actual} beside the golden file; {@code -Deddy.golden.regenerate=true} rewrites it.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void assertMatches(String name, byte[] actual) throws IOException {
    Path golden = DIR.resolve(name);
    String actualHex = toHex(actual);
    if (Boolean.getBoolean("eddy.golden.regenerate")) {
      Files.writeString(golden, actualHex, StandardCharsets.UTF_8);
    }
    String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
    if (!expected.equals(actualHex)) {
      Files.writeString(DIR.resolve(name + ".actual"), actualHex, StandardCharsets.UTF_8);
    }
    assertEquals(expected, actualHex, "encoding differs from golden file " + golden
        + " (see .actual beside it; a format change needs a new version, or -Deddy.golden.regenerate=true if deliberate)");
  }

  /** The bytes a golden file holds. */
  public static byte[] read(String name) throws IOException {
    return HexFormat.of().parseHex(Files.readString(DIR.resolve(name), StandardCharsets.UTF_8).replaceAll("\\s", ""));
  }

  private static String toHex(byte[] b) {
    HexFormat hex = HexFormat.ofDelimiter(" ");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.length; i += 16) {
      sb.append(hex.formatHex(b, i, Math.min(b.length, i + 16))).append('\n');
    }
    return sb.toString();
  }
}

package io.eddy.engine.slt;

import io.eddy.engine.slt.SltRecord.Expected;
import io.eddy.engine.slt.SltRecord.SortMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of a sqllogictest file into the records that apply to Eddy. Records guarded by
 * {@code onlyif <other engine>} or {@code skipif eddy} are left out (counted in
 * {@link SltScript#guardedOut()}); {@code halt} ends the file. Stateless.
 */
public final class SltParser {
  /** The engine name SLT's {@code skipif}/{@code onlyif} conditions are matched against. */
  public static final String ENGINE = "eddy";
  private static final Pattern HASH = Pattern.compile("(\\d+) values hashing to ([0-9a-f]{32})");

  private SltParser() {}

  public static SltScript parse(String name, String text) {
    String[] lines = text.split("\n", -1);
    List<SltRecord> records = new ArrayList<>();
    int guarded = 0;
    int i = 0;
    while (i < lines.length) {
      if (blankOrComment(lines[i])) {
        i++;
        continue;
      }
      boolean applies = true;
      while (i < lines.length && (lines[i].startsWith("skipif ") || lines[i].startsWith("onlyif "))) {
        String engine = lines[i].substring(7).trim().toLowerCase(Locale.ROOT);
        boolean named = engine.equals(ENGINE);
        applies &= lines[i].startsWith("skipif ") != named;
        i++;
      }
      if (i >= lines.length) {
        break;
      }
      int start = i;
      String head = lines[i].trim();
      int end = i + 1;
      while (end < lines.length && !lines[end].isBlank()) {
        end++;
      }
      if (head.equals("halt")) {
        if (applies) {
          break;
        }
      } else if (head.startsWith("statement ") || head.startsWith("query ")) {
        if (applies) {
          records.add(record(lines, start, end));
        } else {
          guarded += head.startsWith("query ") ? 1 : 0;
        }
      } else if (!head.startsWith("hash-threshold")) {
        throw new IllegalArgumentException(name + ":" + (start + 1) + ": unknown record '" + head + "'");
      }
      i = end;
    }
    return new SltScript(name, records, guarded);
  }

  private static boolean blankOrComment(String line) {
    return line.isBlank() || line.startsWith("#");
  }

  private static SltRecord record(String[] lines, int start, int end) {
    String[] head = lines[start].trim().split("\\s+");
    int line = start + 1;
    if (head[0].equals("statement")) {
      return new SltRecord.Statement(line, head[1].equals("error"), join(lines, start + 1, end));
    }
    int sep = start + 1;
    while (sep < end && !lines[sep].equals("----")) {
      sep++;
    }
    String sql = join(lines, start + 1, sep);
    SortMode sort = head.length > 2 ? SortMode.valueOf(head[2].toUpperCase(Locale.ROOT)) : SortMode.NOSORT;
    String label = head.length > 3 ? head[3] : null;
    return new SltRecord.Query(line, head[1], sort, label, sql, expected(lines, sep + 1, end));
  }

  private static Expected expected(String[] lines, int from, int end) {
    if (from == end - 1) {
      Matcher m = HASH.matcher(lines[from].trim());
      if (m.matches()) {
        return new SltRecord.Hash(Integer.parseInt(m.group(1)), m.group(2));
      }
    }
    List<String> values = new ArrayList<>();
    for (int i = from; i < end; i++) {
      values.add(lines[i].trim());
    }
    return new SltRecord.Values(values);
  }

  private static String join(String[] lines, int from, int to) {
    return String.join("\n", java.util.Arrays.asList(lines).subList(from, Math.max(from, to))).trim();
  }
}

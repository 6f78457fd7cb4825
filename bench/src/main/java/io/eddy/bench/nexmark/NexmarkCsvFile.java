package io.eddy.bench.nexmark;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/** Reads and writes whole files of {@link NexmarkCsv} lines. */
public final class NexmarkCsvFile {
  private NexmarkCsvFile() {}

  /** Writes events 0 .. {@code events - 1} of {@code config} to {@code out}, replacing it. */
  public static void write(Path out, long events, NexmarkConfig config) {
    NexmarkGenerator gen = new NexmarkGenerator(config);
    NexmarkCsv csv = new NexmarkCsv();
    StringBuilder sb = new StringBuilder(1 << 17);
    try (OutputStream os = Files.newOutputStream(out)) {
      for (long i = 0; i < events; i++) {
        csv.write(gen.next(), sb);
        if (sb.length() > (1 << 16)) {
          os.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
          sb.setLength(0);
        }
      }
      os.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  /** Parses every line of {@code in} into {@code sink}, in order; returns the number of events. */
  public static long read(Path in, Consumer<Event> sink) {
    NexmarkCsv csv = new NexmarkCsv();
    return lines(in, csv, line -> sink.accept(csv.event(line)));
  }

  /**
   * Writes every line of {@code in} into {@code out}'s streams, in order, without making events
   * or strings ({@link NexmarkCsv#parseInto}); returns the number of events. Pending rows are
   * left to the caller to flush.
   */
  public static long load(Path in, StreamAppender out) {
    NexmarkCsv csv = new NexmarkCsv();
    return lines(in, csv, line -> csv.appendTo(out, line));
  }

  /** Takes the line {@code csv} last scanned (valid only during the call), numbered {@code lineNumber}. */
  @FunctionalInterface
  private interface LineSink {
    void line(long lineNumber);
  }

  /** Scans {@code in} line by line with {@code csv} (one pass finds lines and fields), skipping blank lines. */
  private static long lines(Path in, NexmarkCsv csv, LineSink sink) {
    long n = 0;
    byte[] buf = new byte[1 << 20];
    try (InputStream is = Files.newInputStream(in)) {
      int filled = 0;
      for (int got = is.read(buf, filled, buf.length - filled); ; got = is.read(buf, filled, buf.length - filled)) {
        boolean eof = got < 0;
        filled += Math.max(got, 0);
        int line = 0;
        for (int nl = csv.scan(buf, line, filled); nl >= 0; nl = csv.scan(buf, line, filled)) {
          n++;
          if (!csv.blank()) {
            sink.line(n);
          }
          line = nl + 1;
        }
        if (eof) {
          if (line < filled) { // a last line without a newline, scanned by the loop's last call
            n++;
            if (!csv.blank()) {
              sink.line(n);
            }
          }
          return n;
        }
        System.arraycopy(buf, line, buf, 0, filled - line);
        filled -= line;
        if (filled == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
      }
    } catch (NoSuchFileException e) {
      throw new EddyException(ErrorCode.NOT_FOUND, "input file " + in + " does not exist");
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot read " + in + ": " + e.getMessage(), e);
    }
  }
}

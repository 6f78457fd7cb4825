package io.eddy.bench.nexmark;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    long n = 0;
    try (Reader r = Files.newBufferedReader(in, StandardCharsets.US_ASCII);
        BufferedReader lines = new BufferedReader(r, 1 << 20)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        n++;
        if (!line.isEmpty()) {
          sink.accept(csv.parse(line, n));
        }
      }
    } catch (NoSuchFileException e) {
      throw new EddyException(ErrorCode.NOT_FOUND, "input file " + in + " does not exist");
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot read " + in + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot read " + in + ": " + e.getMessage(), e);
    }
    return n;
  }
}

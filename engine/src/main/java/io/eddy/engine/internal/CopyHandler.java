package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Progress;
import io.eddy.engine.Result;
import io.eddy.log.format.RowCodec;
import io.eddy.log.format.TextRecordReader;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.ViewDef;
import io.eddy.sql.ast.Copy;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code COPY s FROM 'path' [WITH (format = 'json' | 'csv', errors = 'fail' | 'skip')]}: bulk load
 * of JSON lines or CSV with a header. With {@code errors = 'fail'} (default) the first malformed
 * record aborts the load before anything is written, naming its line; with {@code 'skip'}
 * malformed records are counted and their first line numbers reported. The format defaults to
 * the file's extension ({@code .csv}, else JSON lines). The whole file is validated before the
 * first append, so a failed COPY writes nothing. While reading it reports {@link Progress} (bytes
 * read of the file's size, rows) about every {@link #PROGRESS_BYTES}, and null when done.
 */
final class CopyHandler {
  private static final int BATCH = 10_000;
  private static final int LINES_REPORTED = 5;

  private static final long PROGRESS_BYTES = 256 * 1024;

  private final EngineRuntime rt;
  private final Consumer<Progress> progress;

  CopyHandler(EngineRuntime rt, Consumer<Progress> progress) {
    this.rt = rt;
    this.progress = progress;
  }

  Result copy(Copy c) {
    try {
      return load(c);
    } finally {
      progress.accept(null);
    }
  }

  private Result load(Copy c) {
    CatalogObject target = rt.catalog().lookup(c.target().name()).orElseThrow(() -> DdlHandler.error(
        ErrorCode.NOT_FOUND, "stream or table '" + c.target().name() + "' not found", c.target(), c));
    if (target instanceof ViewDef || target instanceof StreamDef s && s.derived() != null) {
      throw DdlHandler.error(ErrorCode.VALIDATION, "cannot COPY into " + target.name()
          + ": it is computed from its query", c.target(), c);
    }
    String format = c.options().get("format").orElse(c.path().toLowerCase(Locale.ROOT).endsWith(".csv")
        ? "csv" : "json").toLowerCase(Locale.ROOT);
    String errors = c.options().get("errors").orElse("fail").toLowerCase(Locale.ROOT);
    if (!format.equals("json") && !format.equals("csv") || !errors.equals("fail") && !errors.equals("skip")) {
      throw new EddyException(ErrorCode.VALIDATION, "COPY takes format = 'json' | 'csv' and errors = "
          + "'fail' | 'skip'", c.span(), c.script(), null, null);
    }
    List<Object[]> rows = new ArrayList<>();
    List<Long> badLines = new ArrayList<>();
    long skipped = 0;
    String operation = "COPY " + target.name();
    try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(Path.of(c.path())));
        Reader in = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()));
        TextRecordReader reader = TextRecordReader.of(format, suppliedType(target), in)) {
      long total = Files.size(Path.of(c.path()));
      long reported = 0;
      progress.accept(new Progress(operation, 0, total, 0));
      while (true) {
        try {
          Object[] row = reader.next();
          if (row == null) {
            break;
          }
          rows.add(widen(target, row));
          if (bytes.count() - reported >= PROGRESS_BYTES) {
            reported = bytes.count();
            progress.accept(new Progress(operation, reported, total, rows.size()));
          }
        } catch (TextRecordReader.Malformed e) {
          if (errors.equals("fail")) {
            throw new EddyException(ErrorCode.DATA, "COPY " + target.name() + " stopped at " + c.path() + " "
                + e.getMessage() + "; nothing was written", c.span(), c.script(),
                "fix the record, or use WITH (errors = 'skip') to load the rest", null);
          }
          skipped++;
          if (badLines.size() < LINES_REPORTED) {
            badLines.add(e.line());
          }
        }
      }
      progress.accept(new Progress(operation, bytes.count(), total, rows.size()));
    } catch (NoSuchFileException e) {
      throw new EddyException(ErrorCode.NOT_FOUND, "file '" + c.path() + "' does not exist", c.span(),
          c.script(), null, null);
    } catch (IOException | RuntimeException e) {
      if (e instanceof EddyException ee) {
        throw ee;
      }
      throw new EddyException(ErrorCode.DATA, "cannot read '" + c.path() + "' as " + format + ": "
          + e.getMessage(), c.span(), c.script(), null, null);
    }
    for (int from = 0; from < rows.size(); from += BATCH) {
      Writer.append(rt, target, rows.subList(from, Math.min(rows.size(), from + BATCH)), RowCodec.INSERT);
    }
    String msg = "COPY " + rows.size();
    if (skipped > 0) {
      msg += " (skipped " + skipped + " malformed record" + (skipped == 1 ? "" : "s") + " at line"
          + (badLines.size() == 1 ? " " : "s ") + badLines.toString().replaceAll("[\\[\\]]", "")
          + (skipped > badLines.size() ? ", ..." : "") + ")";
    }
    return new Result.Status(msg, rows.size());
  }

  /** Counts the bytes read through it. */
  private static final class CountingInputStream extends FilterInputStream {
    private volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** The columns a file gives: a stream's PROCTIME() column is left out (the writer fills it). */
  private static io.eddy.common.type.RowType suppliedType(CatalogObject target) {
    if (!(target instanceof StreamDef s) || s.proctimeColumn() < 0) {
      return target.rowType();
    }
    List<io.eddy.common.type.Column> cols = new ArrayList<>(s.rowType().columns());
    cols.remove(s.proctimeColumn());
    return new io.eddy.common.type.RowType(cols);
  }

  /** A row read with {@link #suppliedType} widened to the target's columns (PROCTIME() null). */
  private static Object[] widen(CatalogObject target, Object[] row) {
    if (!(target instanceof StreamDef s) || s.proctimeColumn() < 0) {
      return row;
    }
    int pt = s.proctimeColumn();
    Object[] full = new Object[row.length + 1];
    System.arraycopy(row, 0, full, 0, pt);
    System.arraycopy(row, pt, full, pt + 1, row.length - pt);
    return full;
  }
}

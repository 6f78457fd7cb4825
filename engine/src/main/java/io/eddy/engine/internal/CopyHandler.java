package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Result;
import io.eddy.log.format.RowCodec;
import io.eddy.log.format.TextRecordReader;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.ViewDef;
import io.eddy.sql.ast.Copy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code COPY s FROM 'path' [WITH (format = 'json' | 'csv', errors = 'fail' | 'skip')]}: bulk load
 * of JSON lines or CSV with a header. With {@code errors = 'fail'} (default) the first malformed
 * record aborts the load before anything is written, naming its line; with {@code 'skip'}
 * malformed records are counted and their first line numbers reported. The format defaults to
 * the file's extension ({@code .csv}, else JSON lines). The whole file is validated before the
 * first append, so a failed COPY writes nothing.
 */
final class CopyHandler {
  private static final int BATCH = 10_000;
  private static final int LINES_REPORTED = 5;

  private final EngineRuntime rt;

  CopyHandler(EngineRuntime rt) {
    this.rt = rt;
  }

  Result copy(Copy c) {
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
    try (Reader in = Files.newBufferedReader(Path.of(c.path()), StandardCharsets.UTF_8);
        TextRecordReader reader = TextRecordReader.of(format, target.rowType(), in)) {
      while (true) {
        try {
          Object[] row = reader.next();
          if (row == null) {
            break;
          }
          rows.add(row);
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
}

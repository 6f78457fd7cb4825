package io.eddy.engine.script;

import io.eddy.common.type.RowType;
import io.eddy.engine.Change;
import io.eddy.engine.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads changes from a subscription into a consolidated table ({@code _diff} first, then the
 * view's columns; rows whose weights sum to zero vanish). It polls until the table matches the
 * expected block and then for a further quiet period (so extra changes are seen), or until the
 * deadline. Checks that {@code _time} never decreases and that the columns start with
 * {@code _time, _diff}.
 */
public final class ChangeCollector {
  private final long deadlineMillis;
  private final long quietMillis;
  private final Map<Subscription, Long> lastTime = new java.util.IdentityHashMap<>();

  public ChangeCollector(long deadlineMillis, long quietMillis) {
    this.deadlineMillis = deadlineMillis;
    this.quietMillis = quietMillis;
  }

  Observed collect(Subscription sub, ExpectedBlock exp, List<String> problems) {
    RowType cols = sub.columns();
    if (cols.size() < 2 || !cols.get(0).name().equals("_time") || !cols.get(1).name().equals("_diff")) {
      problems.add("subscription columns do not start with _time, _diff: " + ScriptRunner.header(cols, 0));
    }
    List<String> header = new ArrayList<>(List.of("_diff"));
    header.addAll(ScriptRunner.header(cols, 2));
    RowType viewCols = new RowType(cols.columns().subList(Math.min(2, cols.size()), cols.size()));
    Map<List<String>, Long> weights = new LinkedHashMap<>();
    long start = System.nanoTime();
    long quietSince = start;
    try {
      while (true) {
        long now = System.nanoTime();
        boolean matched = BlockRenderer.matches(exp.table(), tableLines(exp, header, weights));
        long waited = TimeUnit.NANOSECONDS.toMillis(now - quietSince);
        if (TimeUnit.NANOSECONDS.toMillis(now - start) > deadlineMillis
            || (matched || exp.table().isEmpty()) && waited > quietMillis) {
          break;
        }
        Change c = sub.poll(20, TimeUnit.MILLISECONDS);
        if (c != null) {
          quietSince = System.nanoTime();
          checkTime(sub, c, problems);
          List<String> row = ScriptRunner.format(viewCols, List.<Object[]>of(c.row())).get(0);
          weights.merge(row, c.diff(), Long::sum);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Observed.Failure(e, "");
    } catch (RuntimeException e) {
      return new Observed.Failure(e, "");
    }
    return new Observed.Table(header, rows(weights));
  }

  private static List<String> tableLines(ExpectedBlock exp, List<String> header,
      Map<List<String>, Long> weights) {
    Observed.Table t = new Observed.Table(header, rows(weights));
    ExpectedBlock tableOnly = new ExpectedBlock(List.of(), false, null, List.of(), exp.table());
    return BlockRenderer.render(tableOnly, t, false);
  }

  private static List<List<String>> rows(Map<List<String>, Long> weights) {
    List<List<String>> rows = new ArrayList<>();
    weights.forEach((row, w) -> {
      if (w != 0) {
        List<String> r = new ArrayList<>();
        r.add(w > 0 ? "+" + w : Long.toString(w));
        r.addAll(row);
        rows.add(r);
      }
    });
    return rows;
  }

  private void checkTime(Subscription sub, Change c, List<String> problems) {
    Long last = lastTime.put(sub, c.time());
    if (last != null && c.time() < last) {
      problems.add("_time went backwards: " + c.time() + " after " + last + " for row "
          + java.util.Arrays.toString(c.row()));
    }
  }
}

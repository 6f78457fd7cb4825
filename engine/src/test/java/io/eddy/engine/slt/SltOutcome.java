package io.eddy.engine.slt;

/**
 * What became of one query record: it passed, or it did not, with a reason class and a short
 * reason. {@code UNSUPPORTED} outcomes are skips (Eddy cannot plan the query), the others failures.
 */
public record SltOutcome(int line, Status status, Kind kind, String reason) {

  public enum Status {
    PASS, SKIP, FAIL
  }

  /** Why a record does not pass (the baseline's reason classes). */
  public enum Kind {
    NONE, SQLITE_QUIRK, UNSUPPORTED, EDDY_BUG
  }

  public SltOutcome {
    reason = reason == null ? "" : oneLine(reason);
  }

  public static SltOutcome pass(int line) {
    return new SltOutcome(line, Status.PASS, Kind.NONE, "");
  }

  public static SltOutcome unsupported(int line, String reason) {
    return new SltOutcome(line, Status.SKIP, Kind.UNSUPPORTED, reason);
  }

  public static SltOutcome failed(int line, Kind kind, String reason) {
    return new SltOutcome(line, kind == Kind.UNSUPPORTED ? Status.SKIP : Status.FAIL, kind, reason);
  }

  public boolean passed() {
    return status == Status.PASS;
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 240 ? t.substring(0, 237) + "..." : t;
  }
}

package io.eddy.sql.ast;

/** How a view emits: every change (default) or a window's final row once the watermark passes it. */
public enum EmitPolicy {
  CHANGES,
  ON_WINDOW_CLOSE
}

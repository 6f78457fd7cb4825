package io.eddy.sql.ast;

/** Kinds of catalog objects, as named in DROP / SHOW. */
public enum ObjectKind {
  STREAM,
  TABLE,
  VIEW
}

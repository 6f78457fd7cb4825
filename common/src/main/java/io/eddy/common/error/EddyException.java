package io.eddy.common.error;

/**
 * The one user-facing error type: a code (with its SQLSTATE), a message that says what was wrong,
 * an optional position in the statement text and an optional hint saying what to do.
 *
 * <p>{@link #getMessage()} renders everything a user needs: the message, "at line L, column C",
 * the source line with a caret under the column, and the hint. Instances are immutable.
 */
public final class EddyException extends RuntimeException {
  private final ErrorCode code;
  private final String reason;
  private final SourceSpan span;
  private final String sourceText;
  private final String hint;

  public EddyException(ErrorCode code, String reason) {
    this(code, reason, null, null, null, null);
  }

  public EddyException(ErrorCode code, String reason, Throwable cause) {
    this(code, reason, null, null, null, cause);
  }

  public EddyException(ErrorCode code, String reason, SourceSpan span, String sourceText, String hint,
      Throwable cause) {
    super(render(reason, span, sourceText, hint), cause, false, true);
    this.code = code;
    this.reason = reason;
    this.span = span;
    this.sourceText = sourceText;
    this.hint = hint;
  }

  public static EddyException internal(String what, Throwable cause) {
    return new EddyException(ErrorCode.INTERNAL,
        "internal error (this is a bug in Eddy, please report it): " + what, cause);
  }

  /** The same error located at {@code span} of {@code text}; used when a caller knows where it happened. */
  public EddyException at(SourceSpan newSpan, String text) {
    return new EddyException(code, reason, newSpan, text, hint, getCause());
  }

  public EddyException withHint(String newHint) {
    return new EddyException(code, reason, span, sourceText, newHint, getCause());
  }

  public ErrorCode code() {
    return code;
  }

  public String sqlState() {
    return code.sqlState();
  }

  /** The message without position, excerpt and hint. */
  public String reason() {
    return reason;
  }

  public SourceSpan span() {
    return span;
  }

  public String hint() {
    return hint;
  }

  public String sourceText() {
    return sourceText;
  }

  private static String render(String reason, SourceSpan span, String text, String hint) {
    StringBuilder sb = new StringBuilder(reason);
    if (span != null) {
      sb.append(" at line ").append(span.line()).append(", column ").append(span.column());
      if (text != null) {
        String excerpt = span.excerpt(text);
        if (!excerpt.isEmpty()) {
          sb.append('\n').append(excerpt);
        }
      }
    }
    if (hint != null && !hint.isEmpty()) {
      sb.append("\nhint: ").append(hint);
    }
    return sb.toString();
  }
}

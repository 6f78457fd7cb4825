package io.eddy.exec.window;

/**
 * How a windowed aggregate learns that a group is final: its group key at position
 * {@code keyPosition} (among the group keys) holds a window bound, and the window has closed once
 * {@code bound + addend <= watermark} ({@code addend} is 0 for {@code window_end}, the longest
 * window length for {@code window_start}). With {@code emitOnClose} the aggregate emits a
 * group's row only when it closes (EMIT ON WINDOW CLOSE: append-only output); otherwise it emits
 * every change and only frees the group's state on close (EMIT CHANGES). Immutable.
 */
public record WindowClose(int keyPosition, long addend, boolean emitOnClose) {}

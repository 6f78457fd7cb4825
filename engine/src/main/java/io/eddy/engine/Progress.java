package io.eddy.engine;

/**
 * How far a long-running statement (today: COPY) has come, as reported while it runs.
 *
 * @param operation what runs, e.g. {@code COPY bids}
 * @param bytesDone bytes of input read so far
 * @param bytesTotal size of the input, or -1 when unknown
 * @param rows rows read so far
 */
public record Progress(String operation, long bytesDone, long bytesTotal, long rows) {}

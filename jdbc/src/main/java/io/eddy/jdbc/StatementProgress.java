package io.eddy.jdbc;

/**
 * How far a running statement (today: COPY) has come; see {@link EddyStatementInfo#progress()}.
 *
 * @param operation what runs, e.g. {@code COPY bids}
 * @param bytesDone bytes of input read so far
 * @param bytesTotal size of the input, or -1 when unknown
 * @param rows rows read so far
 */
public record StatementProgress(String operation, long bytesDone, long bytesTotal, long rows) {}

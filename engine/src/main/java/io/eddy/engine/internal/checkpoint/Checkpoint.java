package io.eddy.engine.internal.checkpoint;

/**
 * One checkpoint of a standing query, as written to and read from {@link CheckpointFiles}.
 *
 * @param id increasing per query
 * @param timeMillis wall time when it was taken
 * @param sources per source (circuit order), per partition, the offset to read next
 * @param sink for a derived stream, per partition the end offset of its log at the checkpoint
 *     (everything below was written by the query up to here); empty for a view
 * @param state operator, view and reader state ({@code StateOutput} bytes)
 */
public record Checkpoint(long id, long timeMillis, long[][] sources, long[] sink, byte[] state) {}

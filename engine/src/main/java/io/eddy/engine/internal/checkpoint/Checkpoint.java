package io.eddy.engine.internal.checkpoint;

/**
 * One checkpoint of a standing query, as written to and read from {@link CheckpointFiles}.
 *
 * @param id increasing per query
 * @param timeMillis wall time when it was taken
 * @param sources per source (circuit order), per partition, the offset to read next
 * @param sink for a derived stream, per partition the end offset of its log at the checkpoint
 *     (everything below was written by the query up to here); empty for a view
 * @param pending for a derived stream written in transactions (Kafka), {@code {partition, offset}} of
 *     one record of the transaction this checkpoint commits (the checkpoint is current iff that
 *     transaction committed); empty when the checkpoint commits nothing that is not in it already
 * @param state operator, view and reader state ({@code StateOutput} bytes)
 */
public record Checkpoint(long id, long timeMillis, long[][] sources, long[] sink, long[] pending, byte[] state) {}

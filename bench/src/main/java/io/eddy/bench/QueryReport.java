package io.eddy.bench;

/**
 * What one benchmark run of one query measured. Times are seconds unless named otherwise; a
 * measure that does not apply to the run is {@code NaN} (latency in throughput runs, load time
 * with the generator).
 *
 * @param query q0 .. q22
 * @param status {@code ok}, {@code unsupported} (the planner refused the query) or {@code error}
 * @param message the error's reason when not ok, else empty
 * @param events input events
 * @param planMs planning, code generation and query start
 * @param loadS loading the input file into the log (file mode)
 * @param runS first event appended (generator) or query started (file) until the query caught up
 * @param cpuS process CPU time over {@code runS}
 * @param changesOut output deltas emitted
 * @param rowsOut net output rows (sum of weights)
 * @param stateRows rows in operator state at the end
 * @param stateBytes estimated bytes of operator state at the end
 * @param peakHeapBytes largest heap use sampled during load and run
 * @param p50Ms median append -> result latency (paced runs)
 * @param p99Ms 99th percentile of the same
 * @param genCpuS CPU time of the calling thread over {@code runS}: the generator and its appends
 *     (generator runs; a file run's calling thread only waits)
 * @param queryCpuS CPU time of the standing query's threads over {@code runS}: reading, decoding,
 *     the operators
 * @param jitS time the JIT's compiler threads spent compiling during {@code runS} (part of
 *     {@code cpuS}: what a longer run or a warm-up would not pay per event); NaN if not measured
 */
public record QueryReport(String query, String status, String message, long events, double planMs, double loadS,
    double runS, double cpuS, long changesOut, long rowsOut, long stateRows, long stateBytes, long peakHeapBytes,
    double p50Ms, double p99Ms, double genCpuS, double queryCpuS, double jitS) {

  public static QueryReport failed(String query, String status, String message) {
    return new QueryReport(query, status, message, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0,
        0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  public boolean ok() {
    return status.equals("ok");
  }

  public double eventsPerSecond() {
    return events / runS;
  }

  public double eventsPerCpuSecond() {
    return events / cpuS;
  }
}

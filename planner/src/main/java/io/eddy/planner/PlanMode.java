package io.eddy.planner;

/**
 * How a query will run. {@code STANDING}: continuously, from the logs of streams and tables (views
 * it reads are expanded into their queries). {@code SNAPSHOT}: once, over the current contents of
 * views, tables and the retained rows of streams.
 */
public enum PlanMode {
  STANDING,
  SNAPSHOT
}

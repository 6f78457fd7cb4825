package io.eddy.engine;

/**
 * One change delivered to a subscriber: the logical time of the change, its weight (+1 insert,
 * -1 retract, or n) and the row's values (the view's columns, without {@code _time}/{@code _diff}).
 */
public record Change(long time, long diff, Object[] row) {}

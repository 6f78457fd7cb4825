package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.config.Durations;
import java.util.Map;

/**
 * Checkpoint settings of an engine: {@code checkpoint.interval} (how often each standing query
 * checkpoints: {@code 500ms}, {@code 1s}, ISO-8601; default 1s; {@code 0} or {@code off} turns
 * checkpoints off, so queries recompute from the log on restart) and the test-only
 * {@code checkpoint.test.pause-before-manifest} (milliseconds to pause between a checkpoint's
 * state file and its manifest, and again between the manifest and the commit of a derived stream's
 * Kafka transaction, so crash tests can kill a process inside a checkpoint write).
 */
record CheckpointSettings(long intervalMillis, long pauseBeforeManifestMillis) {
  static final long DEFAULT_INTERVAL_MILLIS = 1000;

  static CheckpointSettings of(Map<String, String> settings) {
    String interval = settings.get("checkpoint.interval");
    String pause = settings.get("checkpoint.test.pause-before-manifest");
    return new CheckpointSettings(interval == null ? DEFAULT_INTERVAL_MILLIS : millis("checkpoint.interval", interval),
        pause == null ? 0 : millis("checkpoint.test.pause-before-manifest", pause));
  }

  private static long millis(String key, String text) {
    String t = text.strip();
    if (t.equals("0") || t.equalsIgnoreCase("off")) {
      return 0;
    }
    if (t.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(t);
    }
    try {
      return Durations.parse(t).toMillis();
    } catch (IllegalArgumentException e) {
      throw new EddyException(ErrorCode.CONFIG, key + ": " + e.getMessage());
    }
  }
}

package io.eddy.engine.checkpoint;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link EngineCrashTest}: opens the engine (recovering from whatever the
 * last kill left), prints {@code READY}, then inserts row after row of {@link CrashWorkload},
 * printing {@code A <seq> $} once each INSERT has returned (acknowledged), until it is killed.
 * Arguments: data directory, checkpoint interval, pause before each manifest (ms).
 */
public final class CrashEngineChild {
  private CrashEngineChild() {}

  public static void main(String[] args) {
    Engine engine = Engine.open(new EngineConfig(Path.of(args[0]), Map.of("checkpoint.interval", args[1],
        "checkpoint.test.pause-before-manifest", args[2])));
    Session s = engine.openSession();
    Object max = ((Result.Rows) s.execute("SELECT MAX(seq) FROM bids")).rows().get(0)[0];
    long next = max == null ? 0 : (Long) max + 1;
    System.out.println("READY " + next);
    System.out.flush();
    while (true) {
      s.execute(CrashWorkload.insert(next));
      System.out.println("A " + next + " $");
      System.out.flush();
      next++;
    }
  }
}

package io.eddy.engine.config;

import java.util.List;
import java.util.Locale;

/**
 * What starting a config does to the data directory, per object: kept as it is (its query
 * resumes), rebuilt from the retained log (dropped and created again), new, or dropped.
 * Immutable; {@link Reconciler} computes and applies it.
 *
 * @param steps kept, rebuilt and new objects in config order, then the dropped ones in the order
 *     they are dropped
 */
public record ConfigPlan(List<Step> steps) {
  public ConfigPlan {
    steps = List.copyOf(steps);
  }

  /** What happens to one object. */
  public enum Action {
    KEEP("kept"), REBUILD("rebuilt from the retained log"), CREATE("new"), DROP("dropped");

    private final String label;

    Action(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param action what happens
   * @param kind STREAM, TABLE or VIEW
   * @param name the object's name
   * @param reason why, for rebuilt objects (else empty)
   * @param statement the config statement creating it (null for dropped objects)
   */
  public record Step(Action action, String kind, String name, String reason,
      ConfigStatement statement) {
    /** One line: {@code view hot: rebuilt from the retained log (definition changed)}. */
    public String describe() {
      return kind.toLowerCase(Locale.ROOT) + " " + name + ": " + action.label()
          + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
  }

  /** The steps with {@code action}, in plan order. */
  public List<Step> steps(Action action) {
    return steps.stream().filter(s -> s.action() == action).toList();
  }

  /** One line per object. */
  public List<String> lines() {
    return steps.stream().map(Step::describe).toList();
  }
}

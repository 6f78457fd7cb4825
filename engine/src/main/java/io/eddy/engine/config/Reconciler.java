package io.eddy.engine.config;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Engine;
import io.eddy.engine.Session;
import io.eddy.engine.config.ConfigPlan.Action;
import io.eddy.engine.config.ConfigPlan.Step;
import io.eddy.engine.internal.CatalogStore;
import io.eddy.sql.StatementParser;
import io.eddy.sql.ast.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Brings a data directory to what a config declares, all or nothing as far as validation can
 * tell: {@link #plan} validates every statement by running the whole config in a scratch engine
 * ({@link DryRun}) and compares it with the catalog the data directory holds, without touching
 * the directory; {@link #apply} then opens the engine, drops what went away or changed (in
 * reverse creation order) and creates what is new or changed (in config order).
 *
 * <p>An object whose DDL text is identical is kept (its query resumes over the retained log). A
 * changed view or derived stream is dropped and recreated, recomputed from the retained log. A
 * changed stream or table is refused: its log holds rows users wrote, which a new definition
 * cannot read. If applying fails anyway (storage errors) on a data directory that was new, the
 * directory is emptied again. Stateless.
 */
public final class Reconciler {
  private Reconciler() {}

  /** Validates {@code config} and computes what starting it would do. Touches no data. */
  public static ConfigPlan plan(ServerConfig config) {
    Map<String, Set<String>> dependencies = DryRun.run(config);
    Map<String, Statement> saved = saved(config.dataDir());
    List<Step> steps = new ArrayList<>();
    Set<String> renewed = new HashSet<>();
    for (ConfigStatement cs : config.statements()) {
      String key = cs.name().toLowerCase(Locale.ROOT);
      Statement old = saved.get(key);
      Step step;
      if (old == null) {
        step = new Step(Action.CREATE, cs.kind(), cs.name(), "", cs);
      } else if (!old.text().strip().equals(cs.text().strip())) {
        refuseInputChange(cs, old);
        step = new Step(Action.REBUILD, cs.kind(), cs.name(), "definition changed", cs);
      } else {
        String changedInput = dependencies.getOrDefault(key, Set.of()).stream()
            .filter(renewed::contains).findFirst().orElse(null);
        step = changedInput == null ? new Step(Action.KEEP, cs.kind(), cs.name(), "", cs)
            : new Step(Action.REBUILD, cs.kind(), cs.name(), "reads " + changedInput
                + ", which is " + (saved.containsKey(changedInput) ? "rebuilt" : "new"), cs);
      }
      if (step.action() != Action.KEEP) {
        renewed.add(key);
      }
      steps.add(step);
    }
    List<String> savedKeys = new ArrayList<>(saved.keySet());
    for (int i = savedKeys.size() - 1; i >= 0; i--) {
      Statement old = saved.get(savedKeys.get(i));
      String oldName = ConfigStatement.nameOf(old).name();
      // A late stream created on demand by a listed view's LATE INTO is kept with its rows.
      if (config.statements().stream().noneMatch(cs -> cs.name().equalsIgnoreCase(oldName)
          || cs.lateInto().filter(l -> l.name().equalsIgnoreCase(oldName)).isPresent())) {
        steps.add(new Step(Action.DROP, ConfigStatement.kindOf(old),
            ConfigStatement.nameOf(old).name(), "", null));
      }
    }
    return new ConfigPlan(steps);
  }

  /**
   * Opens the engine of {@code config} and applies {@code plan} (from {@link #plan} of the same
   * config), reporting each step to {@code log}. The caller owns the returned engine.
   */
  public static Engine apply(ServerConfig config, ConfigPlan plan, Consumer<String> log) {
    boolean fresh = isEmpty(config.dataDir());
    Engine engine = Engine.open(config.engineConfig());
    try (Session session = engine.openSession()) {
      List<Step> drops = new ArrayList<>(plan.steps(Action.DROP));
      List<Step> rebuilt = plan.steps(Action.REBUILD);
      drops.addAll(0, dropOrder(config.dataDir(), rebuilt));
      for (Step d : drops) {
        session.execute("DROP " + d.kind() + " `" + d.name() + "`");
      }
      for (Step step : plan.steps()) {
        if (step.action() == Action.CREATE || step.action() == Action.REBUILD) {
          create(session, step.statement());
        }
        log.accept(step.describe());
      }
      return engine;
    } catch (RuntimeException e) {
      engine.close();
      if (fresh) {
        clear(config.dataDir());
      }
      throw e;
    }
  }

  private static void create(Session session, ConfigStatement cs) {
    try {
      session.execute(cs.text());
    } catch (EddyException e) {
      throw cs.locate(e);
    }
  }

  /** The rebuilt objects in reverse creation order of the saved catalog (dependents first). */
  private static List<Step> dropOrder(Path dataDir, List<Step> rebuilt) {
    List<String> savedKeys = new ArrayList<>(saved(dataDir).keySet());
    List<Step> ordered = new ArrayList<>(rebuilt);
    ordered.sort((a, b) -> Integer.compare(savedKeys.indexOf(b.name().toLowerCase(Locale.ROOT)),
        savedKeys.indexOf(a.name().toLowerCase(Locale.ROOT))));
    return ordered;
  }

  private static void refuseInputChange(ConfigStatement cs, Statement old) {
    if (ConfigStatement.holdsInput(old) || ConfigStatement.holdsInput(cs.statement())) {
      throw cs.locate(new EddyException(ErrorCode.CONFIG, ConfigStatement.describe(old)
          + " in the data directory has a different definition; its log holds rows written for "
          + "that definition", cs.statement().span(), cs.statement().script(),
          "keep the old definition, or remove the statement and start once (which drops "
              + cs.name() + " and its rows) before adding the new one", null));
    }
  }

  /** The saved catalog's statements by lower-case name, in creation order. */
  private static Map<String, Statement> saved(Path dataDir) {
    Map<String, Statement> out = new LinkedHashMap<>();
    if (!Files.exists(dataDir)) {
      return out;
    }
    for (String ddl : new CatalogStore(dataDir).load()) {
      Statement s = StatementParser.parseOne(ddl);
      out.put(ConfigStatement.nameOf(s).key(), s);
    }
    return out;
  }

  private static boolean isEmpty(Path dir) {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes everything below {@code dir} (the directory was empty before we started). */
  static void clear(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        if (!p.equals(dir)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot clean up " + dir + ": " + e.getMessage(), e);
    }
  }
}

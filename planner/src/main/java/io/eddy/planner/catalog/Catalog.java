package io.eddy.planner.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the catalog: objects by case-insensitive name, in creation order.
 * Changes return a new catalog; the engine publishes the current one atomically.
 */
public final class Catalog {
  public static final Catalog EMPTY = new Catalog(Map.of());

  private final Map<String, CatalogObject> objects;

  private Catalog(Map<String, CatalogObject> objects) {
    this.objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
  }

  public Optional<CatalogObject> lookup(String name) {
    return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
  }

  public Collection<CatalogObject> objects() {
    return objects.values();
  }

  public Catalog with(CatalogObject o) {
    Map<String, CatalogObject> m = new LinkedHashMap<>(objects);
    m.put(o.key(), o);
    return new Catalog(m);
  }

  public Catalog without(String name) {
    Map<String, CatalogObject> m = new LinkedHashMap<>(objects);
    m.remove(name.toLowerCase(Locale.ROOT));
    return new Catalog(m);
  }

  /** Names of the views and derived streams whose query reads {@code name} directly. */
  public List<String> dependents(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (CatalogObject o : objects.values()) {
      if (o instanceof ViewDef v && v.dependencies().contains(key)
          || o instanceof StreamDef s && s.derived() != null && s.derived().dependencies().contains(key)) {
        out.add(o.name());
      }
    }
    return out;
  }
}

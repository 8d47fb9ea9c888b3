package io.dbdevops.shadow;

import io.dbdevops.SetupException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The providers found through {@link ServiceLoader}; an instance, not a static registry. */
public final class ShadowProviders {

  private final Map<String, ShadowProvider> byId;

  public ShadowProviders(List<ShadowProvider> providers) {
    Map<String, ShadowProvider> map = new TreeMap<>();
    for (ShadowProvider p : providers) {
      if (map.putIfAbsent(p.id(), p) != null) {
        throw new IllegalStateException("two shadow providers have the id " + p.id());
      }
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  public static ShadowProviders load() {
    return new ShadowProviders(ServiceLoader.load(ShadowProvider.class, ShadowProviders.class.getClassLoader())
        .stream().map(ServiceLoader.Provider::get).toList());
  }

  public ShadowProvider get(String id) {
    ShadowProvider p = byId.get(id);
    if (p == null) {
      throw new SetupException("unknown shadow provider '" + id + "' (set <shadow> or -Ddbdevops.shadow to one of: "
          + String.join(", ", byId.keySet()) + ")");
    }
    return p;
  }

  public ShadowDatabase open(ShadowSettings settings) {
    return get(settings.provider()).open(settings);
  }

  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }
}

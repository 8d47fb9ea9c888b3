package io.dbdevops.shadow;

import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
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

  /**
   * The database the shadow of these settings is, before it is opened: what the changesets are selected for. A
   * provider that cannot tell is asked to open one and say (a connection, for a URL it does not recognise).
   */
  public Dialect dialect(ShadowSettings settings) {
    ShadowProvider provider = get(settings.provider());
    return provider.dialect(settings).orElseGet(() -> {
      try (ShadowDatabase shadow = provider.open(settings)) {
        return shadow.dialect();
      }
    });
  }

  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }
}

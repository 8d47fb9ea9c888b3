package io.dbdevops.shadow;

import io.dbdevops.config.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * How to get a shadow database: the provider id ({@code h2}, {@code url}, …) and, for providers that connect to a
 * server, its JDBC URL and credentials. The password is a {@link Secret}, so this record prints safely.
 */
public record ShadowSettings(String provider, Optional<String> url, Optional<String> username, Secret password) {

  public static final ShadowSettings H2 = new ShadowSettings("h2", Optional.empty(), Optional.empty(), Secret.NONE);

  public ShadowSettings {
    Objects.requireNonNull(provider, "provider");
    provider = provider.trim().toLowerCase(java.util.Locale.ROOT);
    url = Objects.requireNonNullElse(url, Optional.<String>empty()).filter(u -> !u.isBlank());
    username = Objects.requireNonNullElse(username, Optional.<String>empty()).filter(u -> !u.isBlank());
    password = Objects.requireNonNullElse(password, Secret.NONE);
  }
}

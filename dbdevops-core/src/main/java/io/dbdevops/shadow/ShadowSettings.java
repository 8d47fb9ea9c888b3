package io.dbdevops.shadow;

import io.dbdevops.config.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * How to get a shadow database: the provider id ({@code h2}, {@code url}, {@code postgres-embedded},
 * {@code testcontainers}) and, for providers that connect to a server, its JDBC URL and credentials; for the
 * {@code testcontainers} provider, the container image; for the {@code url} provider, how old a temporary shadow
 * database a killed build left must be before a later build drops it. The password is a {@link Secret}, so this
 * record prints safely.
 */
public record ShadowSettings(String provider, Optional<String> url, Optional<String> username, Secret password,
    Optional<String> image, java.time.Duration orphanAge) {

  public static final ShadowSettings H2 = new ShadowSettings("h2", Optional.empty(), Optional.empty(), Secret.NONE);

  public ShadowSettings {
    Objects.requireNonNull(provider, "provider");
    provider = provider.trim().toLowerCase(java.util.Locale.ROOT);
    url = Objects.requireNonNullElse(url, Optional.<String>empty()).filter(u -> !u.isBlank());
    username = Objects.requireNonNullElse(username, Optional.<String>empty()).filter(u -> !u.isBlank());
    password = Objects.requireNonNullElse(password, Secret.NONE);
    image = Objects.requireNonNullElse(image, Optional.<String>empty()).map(String::trim).filter(i -> !i.isEmpty());
    orphanAge = Objects.requireNonNullElse(orphanAge, ShadowOrphans.DEFAULT_AGE);
    if (orphanAge.isNegative() || orphanAge.isZero()) {
      throw new io.dbdevops.SetupException("the shadow orphan age must be positive, not " + orphanAge
          + " (<shadowOrphanHours> / -Ddbdevops.shadow.orphanHours)");
    }
  }

  /** Settings with the default orphan age ({@link ShadowOrphans#DEFAULT_AGE}, 6 hours). */
  public ShadowSettings(String provider, Optional<String> url, Optional<String> username, Secret password,
      Optional<String> image) {
    this(provider, url, username, password, image, null);
  }

  /** Prints the URL without the credentials it may carry, and the password masked. */
  @Override
  public String toString() {
    return "ShadowSettings[provider=" + provider + ", url=" + url.map(JdbcUrls::redact).orElse("-") + ", username="
        + username.orElse("-") + ", password=" + password + ", image=" + image.orElse("-") + "]";
  }

  /** Settings without a container image (every provider but {@code testcontainers}). */
  public ShadowSettings(String provider, Optional<String> url, Optional<String> username, Secret password) {
    this(provider, url, username, password, Optional.empty());
  }
}

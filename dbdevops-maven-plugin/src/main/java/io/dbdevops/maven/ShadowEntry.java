package io.dbdevops.maven;

/**
 * One engine of {@code <shadows>}: {@code <shadow><provider>url</provider><url>jdbc:mariadb://…/</url>
 * <username>root</username></shadow>}; {@code <serverId>} takes the user and password from settings.xml, and
 * {@code <image>} names the testcontainers image.
 */
public class ShadowEntry {

  private String provider;
  private String url;
  private String username;
  private String serverId;
  private String image;

  String provider() {
    return provider;
  }

  String url() {
    return url;
  }

  String username() {
    return username;
  }

  String serverId() {
    return serverId;
  }

  String image() {
    return image;
  }
}

package io.dbdevops.provision;

import io.dbdevops.SetupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code provisioned.properties}: the provisioned database as Spring Boot reads it ({@code spring.datasource.*}, e.g.
 * through {@code spring.config.import=optional:file:target/dbdevops/provisioned.properties}). Never a password: an
 * empty one is written empty, any other is left to the application's own configuration (a comment says so).
 */
public final class ProvisionedProperties {

  private ProvisionedProperties() {
  }

  public static String render(Provisioner.Result result) {
    StringBuilder out = new StringBuilder();
    out.append("# written by mvn dbdevops:provision: ").append(result.description()).append('\n');
    out.append("spring.datasource.url=").append(escape(result.url())).append('\n');
    result.username().ifPresent(u -> out.append("spring.datasource.username=").append(escape(u)).append('\n'));
    if (result.hasPassword()) {
      out.append("# spring.datasource.password is not written here: give it as the environment or settings.xml holds it\n");
    } else {
      out.append("spring.datasource.password=\n");
    }
    out.append("dbdevops.provisioned.version=").append(result.at().map(v -> v.version().toString()).orElse("head"))
        .append('\n');
    out.append("dbdevops.provisioned.changesets=").append(result.changesets()).append('\n');
    return out.toString();
  }

  public static Path write(Provisioner.Result result, Path directory) {
    Path file = directory.resolve("provisioned.properties");
    try {
      Files.createDirectories(directory);
      Files.writeString(file, render(result), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new SetupException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A properties value: backslashes, and the characters a properties file reads specially, escaped. */
  private static String escape(String value) {
    StringBuilder b = new StringBuilder();
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(ch);
      }
    }
    return b.length() > 0 && b.charAt(0) == ' ' ? "\\" + b : b.toString();
  }
}

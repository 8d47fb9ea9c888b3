package io.dbdevops.shadow;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.dbdevops.SetupException;
import io.dbdevops.config.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;

/**
 * A development database in a container of its own that outlives the build ({@code dbdevops:provision
 * -Ddbdevops.shadow=testcontainers}): created through the Docker engine's API directly — not through Testcontainers'
 * managed containers, which its reaper removes when the JVM ends — named {@code dbdevops-<database>}, labelled
 * {@code io.dbdevops.provision}, its port published on 127.0.0.1 only, logging in without a password (a local
 * development database; PostgreSQL {@code trust}, MariaDB an empty root password). Run again, the same container is
 * reused (started when stopped); {@code reset} removes it first.
 */
public final class ProvisionContainers {

  /** Where the container's database answers. */
  public record Started(String url, String user, String container, boolean created) { }

  private static final Duration READY = Duration.ofSeconds(90);

  private ProvisionContainers() {
  }

  /**
   * @param image a PostgreSQL or MariaDB image ({@code postgres:16-alpine}, {@code mariadb:11})
   * @throws SetupException no Docker engine (saying where one was looked for), an image of another database, a
   *     container that does not come up
   */
  public static Started start(String image, String database, boolean reset) {
    // the image's database as the testcontainers shadow reads it
    Dialect dialect = new TestcontainersShadowProvider().dialect(new ShadowSettings("testcontainers",
        java.util.Optional.empty(), java.util.Optional.empty(), io.dbdevops.config.Secret.NONE,
        java.util.Optional.of(image))).orElse(null);
    if (dialect == null) {
      throw new SetupException("-Ddbdevops.shadow.image=" + image + ": provision in a container runs a PostgreSQL "
          + "(postgres:16-alpine, postgis/postgis, …) or MariaDB (mariadb:11) image");
    }
    if (!TestcontainersShadowProvider.dockerAvailable()) {
      throw new SetupException("provision in a container needs a Docker engine, and none was found ("
          + TestcontainersShadowProvider.whereDockerWasLookedFor() + "); nothing was created. Provision on a server "
          + "instead (-Ddbdevops.shadow=url -Ddbdevops.shadow.url=jdbc:postgresql://127.0.0.1:5432/postgres), on an "
          + "environment (-Ddbdevops.environment=dev) or as the default H2 file database");
    }
    DockerClient docker = DockerClientFactory.instance().client();
    String name = "dbdevops-" + database.replace('_', '-');
    int port = dialect == Dialect.POSTGRESQL ? 5432 : 3306;
    boolean created = false;
    Container existing = docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(name)).exec().stream()
        .filter(c -> List.of(c.getNames()).contains("/" + name)).findFirst().orElse(null);
    if (existing != null && reset) {
      docker.removeContainerCmd(existing.getId()).withForce(true).exec();
      existing = null;
    }
    String id;
    if (existing == null) {
      try {
        docker.pullImageCmd(image).start().awaitCompletion();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SetupException("interrupted while pulling " + image, e);
      }
      List<String> env = dialect == Dialect.POSTGRESQL
          ? List.of("POSTGRES_HOST_AUTH_METHOD=trust", "POSTGRES_DB=" + database)
          : List.of("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1", "MARIADB_DATABASE=" + database);
      ExposedPort exposed = ExposedPort.tcp(port);
      id = docker.createContainerCmd(image).withName(name).withEnv(env).withExposedPorts(exposed)
          .withLabels(Map.of("io.dbdevops.provision", database))
          .withHostConfig(HostConfig.newHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"),
              exposed)))
          .exec().getId();
      created = true;
    } else {
      id = existing.getId();
    }
    InspectContainerResponse inspected = docker.inspectContainerCmd(id).exec();
    if (!Boolean.TRUE.equals(inspected.getState().getRunning())) {
      docker.startContainerCmd(id).exec();
      inspected = docker.inspectContainerCmd(id).exec();
    }
    Ports.Binding[] bindings = inspected.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(port));
    if (bindings == null || bindings.length == 0) {
      throw new SetupException("container " + name + " publishes no port for " + port + "; remove it (docker rm -f "
          + name + ") or provision with -Ddbdevops.provision.reset=true");
    }
    String hostPort = bindings[0].getHostPortSpec();
    String url = dialect == Dialect.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:" + hostPort + "/" + database
        : "jdbc:mariadb://127.0.0.1:" + hostPort + "/" + database;
    String user = dialect == Dialect.POSTGRESQL ? "postgres" : "root";
    awaitReady(url, user, name);
    return new Started(url, user, name, created);
  }

  private static void awaitReady(String url, String user, String name) {
    long deadline = System.nanoTime() + READY.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      Properties props = new Properties();
      props.setProperty("user", user);
      try (Connection c = DriverManager.getConnection(url, props)) {
        if (c.isValid(5)) {
          return;
        }
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SetupException("interrupted while waiting for container " + name, e);
      }
    }
    throw new SetupException("container " + name + " did not answer at " + url + " within " + READY.toSeconds()
        + " s" + (last == null ? "" : ": " + Jdbc.firstLine(String.valueOf(last.getMessage()))) + " (docker logs " + name
        + ")");
  }
}

package io.dbdevops.hostile;

import io.dbdevops.config.ChangelogSource;
import io.dbdevops.gate.GateSettings;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateOptions;
import io.dbdevops.shadow.ShadowSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One catalogue case's project in a temporary folder: {@code resources/} (the changelog root), {@code schema/} (the
 * committed state), {@code dbdevops.sum}, and {@code outside/}, beside the changelog root, for files a changelog must
 * not reach. Also a socket listening on 127.0.0.1 ({@code ${port}}) that counts connections: hostile input must not
 * make dbdevops fetch anything.
 */
final class Project implements AutoCloseable {

  static final String MASTER = "db/changelog/db.changelog-master.xml";

  /** An XML changelog's first four lines; its body starts at line 5. */
  static final String XML_HEAD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
      """;

  /** The 50 MB changelog: this many 100-character comment lines after its one changeset. */
  static final int BIG_PADDING_LINES = 520_000;
  /** The line of the 50 MB changelog that is broken: its last element. */
  static final int BIG_BROKEN_LINE = 5 + BIG_PADDING_LINES + 1;

  private final Path dir;
  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  Project(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("resources/db/changelog/changes"));
    Files.createDirectories(dir.resolve("schema"));
    Files.createDirectories(dir.resolve("outside"));
    socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      while (!socket.isClosed()) {
        try (Socket s = socket.accept()) {
          connections.incrementAndGet();
        } catch (SocketException closed) {
          return;
        } catch (IOException e) {
          // keep listening
        }
      }
    }, "catalogue-listener");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static String xml(String body) {
    return XML_HEAD + body + "</databaseChangeLog>\n";
  }

  /** {@code ${outside}} (the absolute folder beside the changelog root) and {@code ${port}} filled in. */
  String expand(String text) {
    return text.replace("${outside}", dir.resolve("outside").toAbsolutePath().toString())
        .replace("${port}", String.valueOf(socket.getLocalPort()));
  }

  void write(String path, String text) {
    write(path, expand(text).getBytes(StandardCharsets.UTF_8));
  }

  void write(String path, byte[] bytes) {
    Path file = dir.resolve(path);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A symbolic link at {@code path} to {@code target} (both relative to the project). */
  void link(String path, String target) {
    try {
      Path link = dir.resolve(path);
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, dir.resolve(target).toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The master changelog: a whole file when it starts with {@code <?xml}, else the body of one. */
  void master(String body) {
    write("resources/" + MASTER, body.startsWith("<?xml") ? body : xml(body));
  }

  /** A changelog of more than 50 MB: one changeset, comments, then an element that is not closed properly. */
  void big(String path) {
    Path file = dir.resolve(path);
    String padding = "<!-- " + "p".repeat(91) + " -->";
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(XML_HEAD);
      out.write("  <changeSet id=\"1\" author=\"a\"><sql>select 1</sql></changeSet>\n");
      for (int i = 0; i < BIG_PADDING_LINES; i++) {
        out.write(padding);
        out.write('\n');
      }
      out.write("  <changeSet id=\"2\" author=\"a\"></sql></changeSet>\n");
      out.write("</databaseChangeLog>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChangelogSource changelog() {
    return new ChangelogSource(dir.resolve("resources"), MASTER);
  }

  Path stateDirectory() {
    return dir.resolve("schema");
  }

  Path sumFile() {
    return dir.resolve("dbdevops.sum");
  }

  GateSettings gateSettings(ShadowSettings shadow, UpdateOptions options) {
    return new GateSettings(changelog(), stateDirectory(), shadow, List.of(), options);
  }

  /** Connections the listening socket accepted. */
  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws Exception {
    socket.close();
    acceptor.join(5_000);
  }
}

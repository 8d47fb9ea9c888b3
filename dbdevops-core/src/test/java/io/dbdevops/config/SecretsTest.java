package io.dbdevops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A known password never survives into a message or a printed stack trace, in any of the spellings it travels in. */
class SecretsTest {

  private static final String PASSWORD = "S3cr3t Pa55/@:#";

  private final Secrets secrets = Secrets.of(Secret.of(PASSWORD));

  @Test
  void everySpellingIsMasked() {
    String encoded = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    String base64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    String text = "plain " + PASSWORD + " form " + encoded + " path " + encoded.replace("+", "%20") + " base64 " + base64
        + " url-safe " + Base64.getUrlEncoder().withoutPadding().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    assertThat(secrets.mask(text)).isEqualTo("plain **** form **** path **** base64 **** url-safe ****");
    assertThat(secrets.appearsIn(text)).isTrue();
    assertThat(secrets.mask("nothing secret here")).isEqualTo("nothing secret here");
  }

  @Test
  void aChainThatCarriesThePasswordDeepDownIsCopiedMasked() {
    SQLException root = new SQLException("bad host user:" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "@db");
    RuntimeException top = new RuntimeException("The connection attempt failed.", new IllegalStateException("wrapped", root));
    top.addSuppressed(new IllegalArgumentException("suppressed " + PASSWORD));

    Throwable scrubbed = secrets.scrub(top);

    StringWriter printed = new StringWriter();
    scrubbed.printStackTrace(new PrintWriter(printed));
    assertThat(printed.toString()).doesNotContain(PASSWORD).doesNotContain(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))
        .contains("java.lang.RuntimeException: The connection attempt failed.")
        .contains("Caused by: java.sql.SQLException: bad host user:****@db")
        .contains("Suppressed: java.lang.IllegalArgumentException: suppressed ****");
    assertThat(scrubbed.getStackTrace()).isEqualTo(top.getStackTrace());
  }

  @Test
  void aCleanChainIsLeftAsItIs() {
    SQLException clean = new SQLException("Connection refused", "08001");
    assertThat(secrets.scrub(clean)).isSameAs(clean);
    assertThat(Secrets.NONE.scrub(clean)).isSameAs(clean);
  }

  @Test
  void veryShortValuesAreNotMaskedEverywhere() {
    assertThat(Secrets.of(Secret.of("a")).mask("a database")).isEqualTo("a database");
    assertThat(Secrets.of(Secret.NONE).isEmpty()).isTrue();
  }
}

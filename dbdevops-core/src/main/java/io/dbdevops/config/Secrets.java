package io.dbdevops.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The passwords one build knows, masked out of any text or exception before it is printed or written: each in plain,
 * URL-encoded ({@code %40} for {@code @}, {@code +} or {@code %20} for a space) and base64 form (standard and URL-safe,
 * with and without padding). Immutable.
 */
public final class Secrets {

  public static final Secrets NONE = new Secrets(List.of());
  public static final String MASK = "****";

  /** Shorter values are not masked: a one- or two-character password would mask every occurrence of that text. */
  private static final int SHORTEST = 3;

  private final List<String> forms;

  private Secrets(List<String> forms) {
    this.forms = forms;
  }

  public static Secrets of(Collection<Secret> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (Secret s : secrets) {
      if (s == null || s.reveal().length() < SHORTEST) {
        continue;
      }
      forms.addAll(forms(s.reveal()));
    }
    List<String> sorted = new ArrayList<>(forms);
    // longest first, so a form that contains another is masked whole
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    return new Secrets(List.copyOf(sorted));
  }

  public static Secrets of(Secret... secrets) {
    return of(List.of(secrets));
  }

  /** Every spelling of {@code value} this class masks. */
  static List<String> forms(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
    String base64 = Base64.getEncoder().encodeToString(bytes);
    String base64Url = Base64.getUrlEncoder().encodeToString(bytes);
    return new ArrayList<>(new LinkedHashSet<>(List.of(value, form, form.replace("+", "%20"), base64,
        strip(base64), base64Url, strip(base64Url))));
  }

  private static String strip(String base64) {
    return base64.replaceAll("=+$", "");
  }

  public boolean isEmpty() {
    return forms.isEmpty();
  }

  /** {@code text} with every form of every secret replaced by {@code ****}; null stays null. */
  public String mask(String text) {
    if (text == null || forms.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String f : forms) {
      masked = masked.replace(f, MASK);
    }
    return masked;
  }

  /** Whether {@code text} holds a secret in one of its forms. */
  public boolean appearsIn(String text) {
    return text != null && forms.stream().anyMatch(text::contains);
  }

  /**
   * {@code e} itself when no message in its chain (causes and suppressed) holds a secret; otherwise a copy of the chain
   * whose messages are masked: each link a {@link Masked} naming the original class, with the original stack trace.
   */
  public Throwable scrub(Throwable e) {
    if (e == null || !leaks(e, new java.util.IdentityHashMap<>())) {
      return e;
    }
    return copy(e, new java.util.IdentityHashMap<>());
  }

  private boolean leaks(Throwable e, java.util.Map<Throwable, Boolean> seen) {
    if (e == null || seen.put(e, Boolean.TRUE) != null) {
      return false;
    }
    if (appearsIn(e.getMessage()) || appearsIn(e.toString())) {
      return true;
    }
    for (Throwable s : e.getSuppressed()) {
      if (leaks(s, seen)) {
        return true;
      }
    }
    return leaks(e.getCause(), seen);
  }

  private Throwable copy(Throwable e, java.util.Map<Throwable, Throwable> done) {
    Throwable known = done.get(e);
    if (known != null) {
      return known;
    }
    Masked m = new Masked(e.getClass().getName(), mask(e.getMessage()));
    done.put(e, m);
    m.setStackTrace(e.getStackTrace());
    if (e.getCause() != null && e.getCause() != e) {
      m.initCause(copy(e.getCause(), done));
    }
    for (Throwable s : e.getSuppressed()) {
      m.addSuppressed(copy(s, done));
    }
    return m;
  }

  /** A link of a scrubbed exception chain: prints as the original class with the masked message. */
  public static final class Masked extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String original;

    Masked(String original, String message) {
      super(message);
      this.original = Objects.requireNonNull(original);
    }

    /** The class of the exception this one stands for. */
    public String original() {
      return original;
    }

    @Override
    public String toString() {
      return getMessage() == null ? original : original + ": " + getMessage();
    }
  }
}

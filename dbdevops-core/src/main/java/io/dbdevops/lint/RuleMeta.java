package io.dbdevops.lint;

import io.dbdevops.release.Bump;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, in one place on its class: what {@link RuleRegistry}, the {@link Linter}, the report writers
 * (SARIF, JUnit, JSON, Markdown, HTML) and the documentation test read through {@link Rule#meta()}.
 *
 * <pre>
 * &#64;RuleMeta(code = "DBD103", name = "drop-column", severity = Severity.ERROR, bump = Bump.MAJOR,
 *     summary = "A column is dropped …")
 * public final class DropColumnRule implements Rule { … }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleMeta {

  /** The stable code, {@code DBD103}. */
  String code();

  /** The short name, {@code drop-column}. */
  String name();

  /** One sentence: what the rule detects (SARIF shortDescription, the README's list). */
  String summary();

  /** The severity its findings have unless the POM configures another one. */
  Severity severity();

  /**
   * What a release holding one of its findings needs of the version ({@link io.dbdevops.release.Classifier}):
   * {@link Bump#MAJOR} for backward-incompatible changes, {@link Bump#NONE} for rules that say nothing about
   * compatibility (locking, hygiene, rollback).
   */
  Bump bump();
}

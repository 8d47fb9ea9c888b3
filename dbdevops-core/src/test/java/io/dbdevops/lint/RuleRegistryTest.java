package io.dbdevops.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbdevops.lint.rules.DropColumnRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

  private static final Path DOCS = Path.of("../docs/rules");

  @Test
  void loadsEveryRuleOfTheCatalogueButTheIntegrityRules() {
    List<String> codes = RuleRegistry.load().all().stream().map(r -> r.meta().code()).toList();

    assertThat(codes).containsExactly("DBD101", "DBD102", "DBD103", "DBD104", "DBD105", "DBD201", "DBD202", "DBD203",
        "DBD204", "DBD205", "DBD301", "DBD302", "DBD303", "DBD401", "DBD402", "DBD403", "DBD404", "DBD405", "DBD406",
        "DBD407", "DBD408", "DBD409", "DBD501", "DBD502", "DBD601", "DBD602", "DBD701", "DBD702", "DBD703", "DBD901");
  }

  @Test
  void refusesTwoRulesWithOneCode() {
    assertThatThrownBy(() -> new RuleRegistry(List.of(new DropColumnRule(), new DropColumnRule())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("two rules have the code DBD103");
  }

  @Test
  void everyRuleHasADocumentationPageNamingItsCodeAndName() throws Exception {
    for (Rule rule : RuleRegistry.load().all()) {
      Path page = DOCS.resolve(rule.meta().code() + ".md");
      assertThat(page).as("doc page of %s", rule.meta().code()).isRegularFile();
      String text = Files.readString(page);
      assertThat(text).startsWith("# " + rule.meta().code() + " " + rule.meta().name());
      assertThat(text).contains("dbdevops:allow " + rule.meta().code());
      assertThat(Files.readString(DOCS.resolve("README.md"))).contains("[" + rule.meta().code() + "](" + rule.meta().code() + ".md)");
    }
    assertThat(DOCS.resolve("DBD000.md")).isRegularFile();
  }
}

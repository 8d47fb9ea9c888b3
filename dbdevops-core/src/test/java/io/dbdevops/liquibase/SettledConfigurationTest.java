package io.dbdevops.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;
import org.junit.jupiter.api.Test;

/** Liquibase's settings still come from system properties and the environment, read once per command. */
class SettledConfigurationTest {

  @Test
  void aSystemPropertySetBeforeACommandIsWhatThatCommandSees() {
    String key = "liquibase.outputLineSeparator";
    String before = System.getProperty(key);
    try {
      System.setProperty(key, "first");
      SettledConfiguration.settle();
      assertThat(GlobalConfiguration.OUTPUT_LINE_SEPARATOR.getCurrentValue()).isEqualTo("first");
      System.setProperty(key, "second");
      SettledConfiguration.settle();
      assertThat(GlobalConfiguration.OUTPUT_LINE_SEPARATOR.getCurrentValue()).isEqualTo("second");
      assertThat(GlobalConfiguration.OUTPUT_LINE_SEPARATOR.getCurrentConfiguredValue().getProvidedValue()
          .getSourceDescription()).isEqualTo("System property");
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
      SettledConfiguration.settle();
    }
  }

  @Test
  void liquibaseKeepsOneProviderOfEachKindInItsPlace() {
    SettledConfiguration.settle();
    SettledConfiguration.settle();
    LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
    long properties = configuration.getProviders().stream().filter(p -> p instanceof SystemPropertyValueProvider).count();
    long environment = configuration.getProviders().stream().filter(p -> p instanceof EnvironmentValueProvider).count();
    assertThat(properties).isEqualTo(1);
    assertThat(environment).isEqualTo(1);
    assertThat(configuration.getProviders()).extracting(ConfigurationValueProvider::getPrecedence).isSorted();
    // the settled ones, not Liquibase's own that copy and hash everything at every lookup
    assertThat(configuration.getProviders()).filteredOn(p -> p instanceof SystemPropertyValueProvider
        || p instanceof EnvironmentValueProvider).allMatch(p -> p.getClass().getEnclosingClass() == SettledConfiguration.class);
  }
}

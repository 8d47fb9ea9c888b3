package io.dbdevops.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The run's parses are lent to one environment at a time, and reused once given back. */
class SharedParsesTest {

  @Test
  void aParseIsLentToOneEnvironmentAtATimeAndReusedOnceGivenBack() {
    SharedParses shared = new SharedParses();
    SharedParses.Lease first = shared.borrow();
    SharedParses.Lease second = shared.borrow();
    assertThat(second.parses()).as("two at once: two sets").isNotSameAs(first.parses());
    ParsedChangelogs firstParses = first.parses();
    first.close();
    assertThatThrownBy(first::parses).isInstanceOf(IllegalStateException.class);
    try (SharedParses.Lease third = shared.borrow()) {
      assertThat(third.parses()).as("the one given back").isSameAs(firstParses);
    }
    second.close();
    assertThat(shared.made()).isEqualTo(2);
    first.close();
    try (SharedParses.Lease a = shared.borrow(); SharedParses.Lease b = shared.borrow();
        SharedParses.Lease c = shared.borrow()) {
      assertThat(shared.made()).as("a closed lease closed again gives nothing back twice").isEqualTo(3);
    }
  }

  @Test
  void anOwnLeaseIsNobodyElses() {
    try (SharedParses.Lease a = SharedParses.own(); SharedParses.Lease b = SharedParses.own()) {
      assertThat(a.parses()).isNotSameAs(b.parses());
    }
  }
}

package io.dbdevops.gate;

import io.dbdevops.InvalidChangeException;
import io.dbdevops.diff.SchemaChange;
import io.dbdevops.diff.SchemaDiff;
import io.dbdevops.liquibase.AppliedChangeSet;
import io.dbdevops.liquibase.LiquibaseRunner;
import io.dbdevops.liquibase.LiquibaseRunner.RollbackResult;
import io.dbdevops.liquibase.LiquibaseRunner.Update;
import io.dbdevops.liquibase.LiquibaseRunner.UpdateResult;
import io.dbdevops.liquibase.ParsedChangelog;
import io.dbdevops.model.SchemaModel;
import io.dbdevops.shadow.ShadowDatabase;
import io.dbdevops.shadow.ShadowProviders;
import io.dbdevops.snapshot.DeclaredNames;
import io.dbdevops.snapshot.SnapshotScope;
import io.dbdevops.snapshot.Snapshotter;
import java.util.List;
import java.util.Optional;

/**
 * DBD602 per changeset ({@code <rollbackTest>EACH</rollbackTest>}): on a shadow of its own at the point before the
 * covered changesets, for each in order: update it → snapshot → roll it back → the state must be the one before it →
 * update it again → the state must be the one after its first update. The first changeset that fails is named with the
 * differences, object by object; a later changeset's rollback cannot mask an earlier one's. A changeset Liquibase cannot
 * roll back at all is DBD601's (it is applied and the next one tested).
 */
final class EachRoundTrip {

  private final ShadowProviders shadows;
  private final LiquibaseRunner liquibase;
  private final Snapshotter snapshotter;

  EachRoundTrip(ShadowProviders shadows, LiquibaseRunner liquibase, Snapshotter snapshotter) {
    this.shadows = shadows;
    this.liquibase = liquibase;
    this.snapshotter = snapshotter;
  }

  /**
   * @param start how many selected changesets come before the covered ones (applied without testing)
   * @param count how many changesets are covered
   * @param declared the names the changelog's statements gave (from the gate's build)
   */
  RollbackRoundTrip run(GateSettings settings, ParsedChangelog changelog, int start, int count, DeclaredNames declared) {
    try (ShadowDatabase shadow = shadows.open(settings.shadow())) {
      SnapshotScope scope = (settings.schemas().isEmpty() ? SnapshotScope.of(shadow.defaultSchema())
          : new SnapshotScope(settings.schemas())).withDeclared(declared);
      if (start > 0) {
        liquibase.update(shadow.connection(), Update.of(changelog).upTo(start));
      }
      SchemaModel before = snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope);
      Optional<RollbackRoundTrip> notTestable = Optional.empty();
      for (int i = 0; i < count; i++) {
        int at = start + i;
        UpdateResult up = liquibase.update(shadow.connection(), Update.of(changelog).after(at).upTo(1));
        if (up.applied().isEmpty()) {
          break;
        }
        AppliedChangeSet changeSet = up.applied().get(0);
        SchemaModel after = snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope);
        RollbackResult down = liquibase.rollbackCount(shadow.connection(), changelog, 1, at);
        if (down.failure().isPresent()) {
          if (down.failure().get().irreversible()) {
            notTestable = notTestable.or(() -> Optional.of(RollbackRoundTrip.notTestable(changeSet,
                down.failure().get().message()).perChangeSet()));
            before = after;
            continue;
          }
          return RollbackRoundTrip.ofOne(changeSet, "its rollback fails: " + down.failure().get().message(), List.of(),
              List.of());
        }
        List<SchemaChange> afterRollback = SchemaDiff.between(before,
            snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope));
        if (!afterRollback.isEmpty()) {
          return RollbackRoundTrip.ofOne(changeSet, "", afterRollback, List.of());
        }
        try {
          liquibase.update(shadow.connection(), Update.of(changelog).after(at).upTo(1));
        } catch (InvalidChangeException e) {
          return RollbackRoundTrip.ofOne(changeSet, "the update after its rollback fails: " + e.getMessage(), List.of(),
              List.of());
        }
        SchemaModel again = snapshotter.snapshot(shadow.connection(), shadow.dialect(), scope);
        List<SchemaChange> afterReapply = SchemaDiff.between(after, again);
        if (!afterReapply.isEmpty()) {
          return RollbackRoundTrip.ofOne(changeSet, "", List.of(), afterReapply);
        }
        before = again;
      }
      return notTestable.orElse(RollbackRoundTrip.compared(List.of(), List.of()).perChangeSet());
    }
  }
}

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the change is wrong (a failure), not the build (an error)
assert log.contains('MAVEN/MojoFailureException')
// the state was refreshed: the gate alone would pass; the integrity file catches the edit
assert log.contains('dbdevops: state matches the changelog')
// one line: code, name, changeset, file:line, why (both checksums), fix, doc page
assert log.contains('[ERROR] DBD801 edited-released-changeset: changeset 002-create-orders by it '
    + '(db/changelog/changes/002-create-orders.xml:8) ')
assert log.contains('released changeset was edited: checksum 9:830d7c9e28b29eea179e7c8f34e37b5a when released, 9:')
assert log.contains('<validCheckSum>9:830d7c9e28b29eea179e7c8f34e37b5a</validCheckSum>; see docs/rules/DBD801.md')
assert log.contains('the changelog\'s released history does not hold against src/main/db/dbdevops.sum: 1 violation')
// the unedited changeset is not reported
assert !log.contains('changeset 001-create-customers by it (')

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] -+< it\.dbdevops:verify-fails-when-version-too-small >-+$/).drop(1)
assert runs.size() == 2

// 1.3.0-SNAPSHOT: the accepted drop of orders.note is MAJOR, so the release after 1.2.0 must be 2.0.0
def first = runs[0]
assert first.contains('dbdevops: integrity: 1 changeset released, 1 pending (src/main/db/dbdevops.sum)')
assert first.contains('dbdevops: state matches the changelog')
assert first.contains('DBD103 drop-column: orders.note is dropped by changeset 002-drop-note '
    + '(db/changelog/changes/002-drop-note.xml:8) — accepted: note has not been read since 1.1')
assert first.contains('[ERROR] DBD901 version-too-small: the project version 1.3.0-SNAPSHOT is below 2.0.0, the version '
    + 'a MAJOR change needs after release 1.2.0: orders.note is dropped (DBD103 drop-column) by changeset 002-drop-note '
    + '(db/changelog/changes/002-drop-note.xml:8)')
assert first.contains('Set the project version to 2.0.0 (2.0.0-SNAPSHOT while building it)')
assert first.contains('see docs/rules/DBD901.md')
assert first.contains('  DBD901 version-too-small: orders.note (db/changelog/changes/002-drop-note.xml:8): set the project '
    + 'version to 2.0.0')
assert first.contains('BUILD FAILURE')
assert first.contains('MAVEN/MojoFailureException')

// 2.0.0-SNAPSHOT meets the required 2.0.0
def second = runs[1]
assert !second.contains('DBD901')
assert second.contains('dbdevops lint: 0 errors, 1 warning, 1 accepted')
assert second.contains('BUILD SUCCESS')

// the last run's reports: no DBD901; the catalogue lists it
def sarif = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/lint.sarif'))
assert sarif.runs[0].tool.driver.rules.find { it.id == 'DBD901' }.name == 'version-too-small'
assert !sarif.runs[0].results.any { it.ruleId == 'DBD901' }

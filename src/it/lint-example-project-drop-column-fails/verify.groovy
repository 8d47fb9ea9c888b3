import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoFailureException')
// 001-007 are released (the example's dbdevops.sum), the new changeset is the one pending
assert log.contains('dbdevops: integrity: 7 changesets released, 1 pending')
assert log.contains('dbdevops: state matches the changelog')
assert log.contains('[ERROR] DBD103 drop-column: orders.note is dropped by changeset 008-drop-order-note '
    + '(db/changelog/changes/008-drop-order-note.xml:6) — data loss; older app versions still read it. Expand/contract:')
assert log.contains('dbdevops lint: 1 error, 1 warning, 0 accepted; report target/dbdevops/report.html')
// nothing else of the example is judged: its changesets are released
assert !log.contains('DBD701') && !log.contains('DBD601 no-rollback: a change Liquibase cannot reverse (sql)')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.result == 'FAILED'
assert json.lint.pendingChangesets == 1
def sarif = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/lint.sarif'))
def drop = sarif.runs[0].results.find { it.ruleId == 'DBD103' }
assert drop.locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/db/changelog/changes/008-drop-order-note.xml'
assert drop.locations[0].physicalLocation.region.startLine == 6

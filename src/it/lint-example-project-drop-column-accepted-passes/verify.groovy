import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('dbdevops: integrity: 7 changesets released, 1 pending')
assert log.contains('DBD103 drop-column: orders.note is dropped by changeset 008-drop-order-note '
    + '(db/changelog/changes/008-drop-order-note.xml:6) — accepted: note moved to order_notes in 1.4; no reader since 1.5 (JIRA-31)')
assert log.contains('dbdevops lint: 0 errors, 0 warnings, 2 accepted; report target/dbdevops/report.html')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.result == 'PASSED'
def drop = json.lint.findings.find { it.code == 'DBD103' }
assert drop.accepted && drop.acceptedReason == 'note moved to order_notes in 1.4; no reader since 1.5 (JIRA-31)'
def html = new File(basedir, 'target/dbdevops/report.html').text
assert html.contains('<strong>Accepted:</strong> note moved to order_notes in 1.4; no reader since 1.5 (JIRA-31)')

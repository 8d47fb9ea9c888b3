import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the change is wrong (a failure), not the build (an error)
assert log.contains('MAVEN/MojoFailureException')
// the state is up to date and 001 is released: only lint fails the build
assert log.contains('dbdevops: integrity: 1 changeset released, 1 pending')
assert log.contains('dbdevops: state matches the changelog')
// one line: code, name, object, changeset, file:line, why, expand/contract, doc page
assert log.contains('[ERROR] DBD103 drop-column: orders.note is dropped by changeset 002-drop-note '
    + '(db/changelog/changes/002-drop-note.xml:8) — data loss; older app versions still read it. Expand/contract: '
    + 'add the new column, backfill it, switch readers and writers to it, and drop the old one in a later release')
assert log.contains('see docs/rules/DBD103.md')
assert log.contains('[WARNING] DBD601 no-rollback: ')
assert log.contains('dbdevops lint: 1 error, 1 warning, 0 accepted; report target/dbdevops/report.html')
assert log.contains('dbdevops:allow DBD103 "<reason>"')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.result == 'FAILED'
assert json.lint.result == 'FAILED'
def drop = json.lint.findings.find { it.code == 'DBD103' }
assert drop.object == 'orders.note' && drop.line == 8 && drop.blocks && !drop.accepted

def sarif = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/lint.sarif'))
assert sarif.version == '2.1.0'
def result = sarif.runs[0].results.find { it.ruleId == 'DBD103' }
assert result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/db/changelog/changes/002-drop-note.xml'
assert result.locations[0].physicalLocation.region.startLine == 8

def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(basedir, 'target/dbdevops/TEST-dbdevops-lint.xml')).documentElement
assert junit.getAttribute('failures') == '1'
assert junit.getElementsByTagName('failure').item(0).getAttribute('type') == 'DBD103'

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// still on the console, as accepted, with the reason
assert log.contains('[INFO] DBD103 drop-column: orders.note is dropped by changeset 002-drop-note '
    + '(db/changelog/changes/002-drop-note.xml:8) — accepted: column unused since 2.3, see JIRA-12')
assert !log.contains('[ERROR] DBD103')
assert log.contains('dbdevops lint: 0 errors, 0 warnings, 2 accepted; report target/dbdevops/report.html')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.result == 'PASSED'
assert json.lint.counts.accepted == 2
def drop = json.lint.findings.find { it.code == 'DBD103' }
assert drop.accepted && !drop.blocks
assert drop.acceptedReason == 'column unused since 2.3, see JIRA-12'

def html = new File(basedir, 'target/dbdevops/report.html').text
assert html.contains('<strong>Accepted:</strong> column unused since 2.3, see JIRA-12')
assert html.contains('accepted (error)')
def md = new File(basedir, 'target/dbdevops/report.md').text
assert md.contains('**Accepted:** column unused since 2.3, see JIRA-12')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/lint.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'DBD103' }
assert result.suppressions[0].kind == 'inSource'
assert result.suppressions[0].justification == 'column unused since 2.3, see JIRA-12'

def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(basedir, 'target/dbdevops/TEST-dbdevops-lint.xml')).documentElement
assert junit.getAttribute('failures') == '0'
assert junit.getAttribute('skipped') == '2'

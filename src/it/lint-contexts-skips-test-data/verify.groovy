import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert runs.size() == 2 : "expected two builds in build.log, found ${runs.size()}"
def prod = runs[0]
def all = runs[1]

// 1. contexts=prod: only 001 is selected; the test-data changeset is neither counted nor linted
assert prod.contains('dbdevops: integrity: no src/main/db/dbdevops.sum yet, its 1 changeset is pending')
assert !prod.contains('DBD104')
assert !prod.contains('002-test-customers')
assert prod.contains('BUILD SUCCESS')

// 2. no contexts: the TRUNCATE is judged, at the physical file and line (the file sets a logicalFilePath)
assert all.contains('dbdevops: integrity: no src/main/db/dbdevops.sum yet, all 2 changesets are pending')
assert all.contains('[ERROR] DBD104 truncate: ')
assert all.contains(' by changeset 002-test-customers (db/changelog/changes/002-test-customers.xml:10)')
assert !all.contains('test-data/customers:')
assert all.contains('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
def truncate = json.lint.findings.find { it.code == 'DBD104' }
assert truncate.file == 'db/changelog/changes/002-test-customers.xml' && truncate.line == 10

def sarif = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/lint.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'DBD104' }
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/main/resources/db/changelog/changes/002-test-customers.xml'
assert result.locations[0].physicalLocation.region.startLine == 10
// the fingerprint keeps Liquibase's identity of the changeset (its logicalFilePath)
assert result.partialFingerprints['dbdevops/v1'].endsWith('|test-data/customers::002-test-customers::it')

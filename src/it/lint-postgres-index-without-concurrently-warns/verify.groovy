import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('dbdevops: integrity: 1 changeset released, 1 pending')
// the target is PostgreSQL (lintDialect) although the shadow is H2: no hint about the dialect
assert !log.contains('target database h2')
assert log.contains('[WARNING] DBD401 index-not-concurrent: index orders.idx_orders_status is created without '
    + 'CONCURRENTLY by changeset 002-index-status (db/changelog/changes/002-index-status.xml:8) — blocks writes')
assert log.contains('CREATE INDEX CONCURRENTLY')
assert log.contains('see docs/rules/DBD401.md')
// INFO findings are in the reports only
assert !log.contains('DBD408 no-lock-timeout')
assert log.contains('dbdevops lint: 0 errors, 1 warning, 1 info, 0 accepted; report target/dbdevops/report.html')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.goal == 'lint'
assert json.result == 'PASSED'
assert json.lint.dialect == 'postgresql'
assert json.lint.findings*.code == ['DBD401', 'DBD408']
assert new File(basedir, 'target/dbdevops/lint.sarif').isFile()

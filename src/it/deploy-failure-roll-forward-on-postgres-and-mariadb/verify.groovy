import groovy.json.JsonSlurper
def out(List cmd) {
  def p = cmd.execute()
  def o = new StringBuilder(), e = new StringBuilder()
  p.waitForProcessOutput(o, e)
  assert p.exitValue() == 0 : "failed: ${cmd}: ${e}"
  return o.toString().trim()
}
def pg = { String sql -> out(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'dbdevops_imp_it_rollforward', '-At', '-c', sql]) }
def mdb = { String sql -> out(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', 'dbdevops_imp_it_rollforward', '-e', sql]) }
try {
  def log = new File(basedir, 'build.log').text
  // BUILD FAILURE naming the changeset, the database's message and the report, on each
  assert log =~ /deploy to environment 'pg' failed at changeset 002-left-over \(imp\) in db\/changelog\/db.changelog-master.xml:\d+: .*legacy.*already exists.*; 1 changeset applied before it stay\. Roll-forward report: target\/dbdevops\/deploy-pg.html/
  assert log =~ /deploy to environment 'mdb' failed at changeset 002-left-over \(imp\) in db\/changelog\/db.changelog-master.xml:\d+: .*legacy.*already exists.*; 1 changeset applied before it stay; left behind: table left_over\. Roll-forward report: target\/dbdevops\/deploy-mdb.html/
  assert log.contains('[ERROR] dbdevops roll-forward: applied in this deploy (recorded, they stay): 001-orders (imp)')
  assert log.contains('[ERROR] dbdevops roll-forward: left behind by the failed changeset: nothing')
  assert log =~ /\[ERROR\] dbdevops roll-forward: left behind by the failed changeset:\n\[ERROR\] dbdevops roll-forward: table left_over/
  assert log.contains('dbdevops roll-forward: advice: fix forward')
  def pgJson = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/deploy-pg.json'))
  def mdbJson = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/deploy-mdb.json'))
  [pgJson, mdbJson].each { j ->
    assert j.outcome == 'FAILED'
    assert j.changesets*.outcome == ['EXECUTED', 'FAILED']
    assert j.rollForward.applied == ['001-orders (imp)'] && j.rollForward.failed == '002-left-over (imp)'
    assert !j.rollForward.lockTimeout
  }
  // PostgreSQL rolled the changeset back: left_over is missing against the changelog; MariaDB kept it
  assert pgJson.rollForward.leftBehind == []
  assert pgJson.rollForward.liveDiff.join('\n').contains('left_over')
  assert mdbJson.rollForward.leftBehind.join('\n').contains('left_over')
  assert !mdbJson.rollForward.liveDiff.join('\n').contains('left_over')
  assert new File(basedir, 'target/dbdevops/deploy-mdb.html').text.contains('Left behind by the failed changeset')
  // what the catalogs say
  assert pg("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'left_over'") == '0'
  assert mdb("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'left_over'") == '1'
  assert pg('SELECT COUNT(*) FROM databasechangelog') == '1'
  assert mdb('SELECT COUNT(*) FROM DATABASECHANGELOG') == '1'
  // the failed deploy is recorded too
  assert pg("SELECT OUTCOME || ' ' || CHANGESETS || ' ' || FAILED_CHANGESET FROM dbdevops_deploy_history") ==~ /FAILED 1 002-left-over \(imp\) in db\/changelog\/db.changelog-master.xml:\d+/
  assert mdb("SELECT CONCAT(OUTCOME, ' ', CHANGESETS) FROM DBDEVOPS_DEPLOY_HISTORY") == 'FAILED 1'
  return true
} finally {
  out(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS dbdevops_imp_it_rollforward WITH (FORCE)'])
  out(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e', 'DROP DATABASE IF EXISTS dbdevops_imp_it_rollforward'])
}

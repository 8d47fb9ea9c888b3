import groovy.json.JsonSlurper
def psql(String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'dbdevops_imp_it_impact', '-At', '-c', sql].execute()
  def o = new StringBuilder(), e = new StringBuilder()
  p.waitForProcessOutput(o, e)
  assert p.exitValue() == 0 : e
  return o.toString().trim()
}
try {
  def log = new File(basedir, 'build.log').text
  assert log =~ /dbdevops impact: 2 changesets in \d+ ms; no lock waits seen \(\d+ samples\); 0 lock retries \(lockTimeout 5000 ms, lockRetries 3\)/
  assert log =~ /dbdevops impact: table orders: new -> \d+ bytes, 3 rows/
  assert log.contains('dbdevops impact: report target/dbdevops/deploy-imp.html')
  def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/deploy-imp.json'))
  assert json.outcome == 'SUCCEEDED'
  assert json.version == '1.4.0'
  assert json.changesets*.id == ['001-orders', '002-orders-status']
  assert json.changesets.every { it.outcome == 'EXECUTED' && it.tookMillis >= 0 && it.location.startsWith('db/changelog/db.changelog-master.xml:') }
  assert json.tables*.table == ['orders']
  assert json.tables[0].createdByDeploy && json.tables[0].bytesBefore == null && json.tables[0].bytesAfter > 0
  assert json.tables[0].rowsAfter == 3
  assert json.deploymentIds.size() == 1
  def md = new File(basedir, 'target/dbdevops/deploy-imp.md').text
  assert md.contains('| 001-orders (imp) | db/changelog/db.changelog-master.xml:')
  def html = new File(basedir, 'target/dbdevops/deploy-imp.html').text
  assert html.count('<svg class="chart"') == 2 // durations, sizes
  assert !html.contains('<script') && !html.contains('http://') && !html.contains('https://')
  // dbdevops's own record, next to DATABASECHANGELOG, with Liquibase's deployment id
  assert psql("SELECT OUTCOME || ' ' || CHANGESETS || ' ' || VERSION || ' ' || LOCK_RETRIES FROM dbdevops_deploy_history") == 'SUCCEEDED 2 1.4.0 0'
  assert psql('SELECT DEPLOYMENT_IDS FROM dbdevops_deploy_history') == json.deploymentIds[0]
  assert psql('SELECT COUNT(DISTINCT deployment_id) FROM databasechangelog') == '1'
  return true
} finally {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c',
           'DROP DATABASE IF EXISTS dbdevops_imp_it_impact WITH (FORCE)'].execute()
  p.waitForProcessOutput(System.out, System.err)
}

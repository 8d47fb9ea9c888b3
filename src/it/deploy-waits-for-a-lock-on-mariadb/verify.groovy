import groovy.json.JsonSlurper
def mdb = { String sql ->
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', 'dbdevops_imp_it_lock', '-e', sql].execute()
  def o = new StringBuilder(), e = new StringBuilder()
  p.waitForProcessOutput(o, e)
  assert p.exitValue() == 0 : e
  return o.toString().trim()
}
try {
  def log = new File(basedir, 'build.log').text
  def ids = new File(basedir, 'target/imp-holder-ids').readLines()
  assert ids.size() == 2
  // build 2: one retry, then BUILD FAILURE naming the session that holds the lock
  assert log.contains("[WARNING] dbdevops: changeset 002-orders-status (imp) in db/changelog/changes/002-orders-status.xml:")
  assert log =~ /waited 1s for a lock held by session ${ids[0]} \(root, [^)]*\) \[probable\]; retry 1 of 1/
  assert log =~ /deploy to environment 'imp' failed at changeset 002-orders-status \(imp\) in db\/changelog\/changes\/002-orders-status.xml:\d+: .*Lock wait timeout exceeded.* \(lock held by session ${ids[0]} /
  assert log.contains('dbdevops roll-forward: advice: the changeset gave up waiting for a lock 2 times held by session ' + ids[0])
  // build 3: released after the first timeout, the retry succeeds
  assert log =~ /waited 1s for a lock held by session ${ids[1]} \(root, [^)]*\) \[probable\]; retry 1 of 3/
  assert log =~ /\[WARNING\] dbdevops impact: the deploy waited \d+ ms for session ${ids[1]} /
  assert log.contains("dbdevops deploy: 1 changeset applied to environment 'imp'")
  def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/deploy-imp.json'))
  assert json.outcome == 'SUCCEEDED' && json.lockRetries == 1
  assert json.changesets[0].lockTimeouts == 1
  assert json.lockWaits.any { it.direction == 'DEPLOY_WAITS' && it.pid == (ids[1] as long) && it.longestMillis > 0 }
  assert json.summary.sessionsWaitedFor >= 1
  // the catalog: the column is there; both deploys of v2 recorded, the failed one too
  assert mdb("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'status'") == '1'
  assert mdb("SELECT GROUP_CONCAT(CONCAT(OUTCOME, ':', LOCK_RETRIES) ORDER BY STARTED) FROM DBDEVOPS_DEPLOY_HISTORY") == 'SUCCEEDED:0,FAILED:1,SUCCEEDED:1'
  return true
} finally {
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e', 'DROP DATABASE IF EXISTS dbdevops_imp_it_lock'].execute()
  p.waitForProcessOutput(System.out, System.err)
}

import groovy.json.JsonSlurper

try {
  def log = new File(basedir, 'build.log').text
  assert log.contains('dbdevops: applied 002-order-status-rows (it) in ')
  // the first drift: the live rows are the ones the changelog inserted
  assert log.contains('dbdevops drift: No drift in local')
  // the second: every changed row by primary key, expected -> live
  assert log.contains('data order_status')
  assert log.contains("- row (code=DONE): label 'Delivered', sort_order 10, final true, note NULL")
  assert log.contains("+ row (code=LOST): label 'Lost', sort_order 99, final true, note ''")
  assert log.contains("~ row (code=NEW): label 'New' -> 'Neu'")
  assert log.contains("drift in environment 'local': data order_status: - row (code=DONE)")
  assert log.contains('BUILD FAILURE')
  def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/drift.json'))
  assert json.result == 'FAILED'
  assert json.drift*.object.unique() == ['order_status']
  assert json.drift*.change == ['RowRemoved', 'RowAdded', 'RowModified']
  assert new File(basedir, 'target/dbdevops/drift.html').text.contains('row (code=NEW)')
  return true
} finally {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c',
           'DROP DATABASE IF EXISTS dbdevops_it_drift_refdata WITH (FORCE)'].execute()
  p.waitForProcessOutput(System.out, System.err)
}

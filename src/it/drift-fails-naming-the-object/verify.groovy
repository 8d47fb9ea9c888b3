import groovy.json.JsonSlurper

try {
  def log = new File(basedir, 'build.log').text
  // deploy: one line per changeset, then post-deploy validation
  assert log.contains('dbdevops: applied 001-customers (it) in ')
  assert log.contains('dbdevops: applied 002-orders (it) in ')
  assert log.contains('post-deploy validation: the live schema equals the expected state')
  // drift: the hand-made change is named, table and column, and fails the build
  assert log.contains('table customers')
  assert log.contains('~ column email: type varchar(200) -> text')
  assert log.contains("drift in environment 'local': table customers: ~ column email")
  assert log.contains('BUILD FAILURE')
  def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/drift.json'))
  assert json.result == 'FAILED'
  assert json.drift*.object == ['customers']
  assert new File(basedir, 'target/dbdevops/drift.html').text.contains('column email')
  return true
} finally {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c',
           'DROP DATABASE IF EXISTS dbdevops_it_drift WITH (FORCE)'].execute()
  p.waitForProcessOutput(System.out, System.err)
}

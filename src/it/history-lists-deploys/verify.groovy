import groovy.json.JsonSlurper
try {
  def log = new File(basedir, 'build.log').text
  // the console table, newest first: v2's deploy (one changeset), then v1's
  assert log =~ /dbdevops history: when \(UTC\) +version +outcome +changesets +took +deployment +which/
  assert log =~ /dbdevops history: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +1\.4\.0 +SUCCEEDED +1 +\d+ ms +\d+ +002-orders-status \(imp\)/
  assert log =~ /dbdevops history: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +1\.4\.0 +SUCCEEDED +1 +\d+ ms +\d+ +001-orders \(imp\)/
  assert log.indexOf('002-orders-status (imp)\n') < log.lastIndexOf('001-orders (imp)')
  assert log.contains("dbdevops history: 2 deploys (2 recorded by dbdevops, 0 by plain Liquibase), 2 changesets in environment 'imp'; report target/dbdevops/history-imp.html")
  def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/history-imp.json'))
  assert json.deploys*.changesets == [['002-orders-status (imp)'], ['001-orders (imp)']]
  assert json.deploys.every { it.recorded && it.outcome == 'SUCCEEDED' && it.version == '1.4.0' && it.tookMillis > 0 }
  assert json.deploys[0].deploymentIds != json.deploys[1].deploymentIds
  def html = new File(basedir, 'target/dbdevops/history-imp.html').text
  assert html.contains('<svg class="chart"') && html.contains('duration per deploy')
  assert !html.contains('<script') && !html.contains('https://')
  return true
} finally {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c',
           'DROP DATABASE IF EXISTS dbdevops_imp_it_history WITH (FORCE)'].execute()
  p.waitForProcessOutput(System.out, System.err)
}

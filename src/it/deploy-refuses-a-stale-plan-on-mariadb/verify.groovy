import groovy.json.JsonSlurper

def mariadb(String sql) {
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', 'dbdevops_it_plan_stale', '-e', sql]
      .execute()
  def out = new StringBuilder()
  p.waitForProcessOutput(out, System.err)
  assert p.exitValue() == 0 : "mariadb failed: " + sql
  return out.toString().trim()
}

try {
  def log = new File(basedir, 'build.log').text
  def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/plan/prod/plan.json'))
  def id = json.planId
  assert json.engine == 'mariadb'
  assert json.changesets*.id == ['002-customers-phone']
  // the SQL as it runs on the environment: the shadow's temporary database name is not in it
  assert json.changesets[0].sql.size() == 1
  assert json.changesets[0].sql[0] ==~ /(?is)ALTER TABLE .*customers ADD phone VARCHAR\(30\).*/
  assert !json.changesets[0].sql[0].contains('dbdevops_shadow')
  assert log.contains("dbdevops plan ${id} for prod: 1 changeset, 1 statement; ")
  // the edited changeset: refused before any lock, naming the changeset and its SQL
  assert log.contains("the plan ${id} is not what a deploy to environment 'prod' would do now")
  assert log.contains('nothing was locked or applied')
  assert log.contains('changeset 002-customers-phone (db/changelog/changes/002.xml:6) was edited: checksum ')
  assert log.contains('changeset 002-customers-phone (db/changelog/changes/002.xml:6): its SQL changed')
  assert log.contains('Caused by: org.apache.maven.plugin.MojoExecutionException: the plan ' + id)
  assert !log.contains('dbdevops: applied 002-customers-phone')
  // the database is as v1's deploy left it
  assert mariadb('SELECT COUNT(*) FROM DATABASECHANGELOG') == '1'
  assert mariadb("SELECT GROUP_CONCAT(LOWER(table_name) ORDER BY LOWER(table_name)) FROM information_schema.tables WHERE table_schema = 'dbdevops_it_plan_stale'") ==
      'customers,databasechangelog,databasechangeloglock,dbdevops_deploy_history'
  assert mariadb("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'dbdevops_it_plan_stale' AND column_name = 'phone'") == '0'
  return true
} finally {
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e', 'DROP DATABASE IF EXISTS dbdevops_it_plan_stale']
      .execute()
  p.waitForProcessOutput(System.out, System.err)
}

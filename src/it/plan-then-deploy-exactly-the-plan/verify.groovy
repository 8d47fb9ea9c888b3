import groovy.json.JsonSlurper

def psql(String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'dbdevops_it_plan_deploy', '-At', '-v', 'ON_ERROR_STOP=1',
           '-c', sql].execute()
  def out = new StringBuilder()
  p.waitForProcessOutput(out, System.err)
  assert p.exitValue() == 0 : "psql failed: " + sql
  return out.toString().trim()
}

try {
  def log = new File(basedir, 'build.log').text
  def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/plan/prod/plan.json'))
  def id = json.planId
  assert id ==~ /[0-9a-f]{16}/
  // plan: the console line, the files, the SQL that runs (the raw <sql> too, not Liquibase's bookkeeping)
  assert log.contains("dbdevops plan ${id} for prod: 2 changesets, ")
  assert json.environment == 'prod' && json.engine == 'postgresql'
  assert json.changesets*.id == ['001-customers', '002-seed']
  assert json.changesets*.reversibility == ['auto', 'scripted']
  assert json.changesets[1].sql == ["INSERT INTO customers (id, email) VALUES (1, 'first@example.com')"]
  // a new table (and rows in it) on a fresh database: MINOR
  assert json.requiredVersionBump == 'MINOR'
  def sql = new File(basedir, 'target/dbdevops/plan/prod/plan.sql').text
  assert sql.contains('-- changeset 002-seed (author it) db/changelog/db.changelog-master.xml:11')
  assert sql.contains("INSERT INTO customers (id, email) VALUES (1, 'first@example.com');")
  // Liquibase's bookkeeping is not part of the script
  assert !sql.readLines().findAll { !it.startsWith('--') }.any { it.toUpperCase().contains('DATABASECHANGELOG') }
  assert new File(basedir, 'target/dbdevops/plan/prod/plan.md').text.contains("`${id}`")
  assert new File(basedir, 'target/dbdevops/plan/prod/plan.html').text.contains(id)
  // deploy of that plan: recomputed, matching, applied
  assert log.contains("dbdevops: plan ${id} matches what a deploy does now: deploying exactly it (2 changesets)")
  assert log.contains('dbdevops deploy: 2 changesets applied to environment \'prod\'')
  assert log.contains("dbdevops deploy: the SQL executed is the plan's, statement for statement")
  // the same plan again: the environment changed, refused before any lock, naming what changed; nothing applied
  assert log.contains("the plan ${id} is not what a deploy to environment 'prod' would do now")
  assert log.contains('nothing was locked or applied')
  assert log.contains('the live state changed since the plan')
  assert log.contains('changeset 002-seed (db/changelog/db.changelog-master.xml:11) of the plan is no longer pending')
  // a BUILD ERROR (the build cannot run), not a failure of the change
  assert log.contains('Caused by: org.apache.maven.plugin.MojoExecutionException: the plan ' + id)
  assert psql('SELECT COUNT(*) FROM databasechangelog') == '2'
  assert psql("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'") ==
      'customers,databasechangelog,databasechangeloglock,dbdevops_deploy_history'
  assert psql('SELECT COUNT(*) FROM customers') == '1'
  return true
} finally {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c',
           'DROP DATABASE IF EXISTS dbdevops_it_plan_deploy WITH (FORCE)'].execute()
  p.waitForProcessOutput(System.out, System.err)
}

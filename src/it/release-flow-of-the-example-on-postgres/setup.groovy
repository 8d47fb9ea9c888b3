// The example project's changelog, state and integrity file, and two fresh databases on the local PostgreSQL
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def psql(String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql].execute()
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : "psql failed: " + sql
}
['dbdevops_it_release_local', 'dbdevops_it_release_second'].each {
  psql("DROP DATABASE IF EXISTS ${it} WITH (FORCE)")
  psql("CREATE DATABASE ${it}")
}
return true

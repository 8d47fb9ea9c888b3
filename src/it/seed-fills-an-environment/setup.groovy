// The example project, and two fresh databases on the local PostgreSQL for two environments seeded alike
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def psql(String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql].execute()
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : "psql failed: " + sql
}
['dbdevops_it_seed_a', 'dbdevops_it_seed_b'].each {
  psql("DROP DATABASE IF EXISTS ${it} WITH (FORCE)")
  psql("CREATE DATABASE ${it}")
}
return true

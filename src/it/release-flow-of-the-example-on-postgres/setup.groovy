// The example project as it is (pom.xml, deploy/pom.xml, changelog, state, integrity file), and two fresh databases
// on the local PostgreSQL for its `local` and `second` environments (invoker.properties points the URLs at them)
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def example = new File(basedir, '../../../../example-project')
new File(basedir, 'pom.xml').text = new File(example, 'pom.xml').text
new File(basedir, 'deploy').mkdirs()
new File(basedir, 'deploy/pom.xml').text = new File(example, 'deploy/pom.xml').text
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

// a fresh PostgreSQL database for this IT on the local server (trust auth as postgres)
def psql(String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql].execute()
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : "psql failed: " + sql
}
psql('DROP DATABASE IF EXISTS dbdevops_it_drift_refdata WITH (FORCE)')
psql('CREATE DATABASE dbdevops_it_drift_refdata')
return true

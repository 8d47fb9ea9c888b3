// a fresh database of this IT's own
['DROP DATABASE IF EXISTS dbdevops_rec_it_rollback_pg WITH (FORCE)', 'CREATE DATABASE dbdevops_rec_it_rollback_pg'].each { sql ->
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql].execute()
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0
}
return true

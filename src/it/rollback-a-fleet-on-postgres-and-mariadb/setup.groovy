// fresh databases of this IT's own
[1, 2].each { i ->
  ["DROP DATABASE IF EXISTS dbdevops_rec_it_fleet_pg_${i} WITH (FORCE)", "CREATE DATABASE dbdevops_rec_it_fleet_pg_${i}"].each { sql ->
    def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql.toString()].execute()
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0
  }
  def m = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e',
           "DROP DATABASE IF EXISTS dbdevops_rec_it_fleet_mdb_${i}; CREATE DATABASE dbdevops_rec_it_fleet_mdb_${i}".toString()].execute()
  m.waitForProcessOutput(System.out, System.err)
  assert m.exitValue() == 0
}
return true

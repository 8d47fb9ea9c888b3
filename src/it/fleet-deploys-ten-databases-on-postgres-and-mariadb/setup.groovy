// the example project; ten fresh databases, and in fleet-mdb-3 a table the changelog creates (its deploy fails)
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def run(List cmd) {
  def p = cmd.execute()
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : "failed: ${cmd}"
}
(1..5).each { i ->
  run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c',
       "DROP DATABASE IF EXISTS dbdevops_it_fleet_pg_${i} WITH (FORCE)"])
  run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c',
       "CREATE DATABASE dbdevops_it_fleet_pg_${i}"])
  run(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e',
       "DROP DATABASE IF EXISTS dbdevops_it_fleet_mdb_${i}; CREATE DATABASE dbdevops_it_fleet_mdb_${i}"])
}
run(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', 'dbdevops_it_fleet_mdb_3', '-e',
     'CREATE TABLE customers (id INT PRIMARY KEY)'])
return true

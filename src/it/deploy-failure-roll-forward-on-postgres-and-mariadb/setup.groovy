// fresh databases on both servers, each holding a table legacy (drift the environments' WARN policy lets pass)
def run(List cmd) {
  def p = cmd.execute()
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : "failed: ${cmd}"
}
run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c',
     'DROP DATABASE IF EXISTS dbdevops_imp_it_rollforward WITH (FORCE)'])
run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c',
     'CREATE DATABASE dbdevops_imp_it_rollforward'])
run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'dbdevops_imp_it_rollforward', '-v', 'ON_ERROR_STOP=1', '-c',
     'CREATE TABLE legacy (id INT PRIMARY KEY)'])
run(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e',
     'DROP DATABASE IF EXISTS dbdevops_imp_it_rollforward; CREATE DATABASE dbdevops_imp_it_rollforward; '
         + 'CREATE TABLE dbdevops_imp_it_rollforward.legacy (id INT PRIMARY KEY)'])
return true

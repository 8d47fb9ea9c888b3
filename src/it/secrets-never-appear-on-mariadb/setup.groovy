// The example project's changelog and state; a user with a distinctive password, its database and the right to
// create the temporary shadow databases (dbdevops_shadow_*).
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def mysql(String sql) {
  def p = ['mysql', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e', sql].execute()
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : "mysql failed: " + sql
}
mysql('DROP DATABASE IF EXISTS dbdevops_it_secrets_my')
mysql("DROP USER IF EXISTS 'dbd_secret_user'@'%', 'dbd_secret_user'@'localhost'")
mysql('CREATE DATABASE dbdevops_it_secrets_my')
['%', 'localhost'].each { host ->
  mysql("CREATE USER 'dbd_secret_user'@'${host}' IDENTIFIED BY 'S3cr3t-Pa55_dbdevops-MariaServer'")
  mysql("GRANT ALL ON dbdevops_it_secrets_my.* TO 'dbd_secret_user'@'${host}'")
  mysql("GRANT ALL ON `dbdevops\\_shadow\\_%`.* TO 'dbd_secret_user'@'${host}'")
}
return true

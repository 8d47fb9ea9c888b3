// The example project's changelog and state; a user with a distinctive password and a database it owns (the
// PostgreSQL here trusts local connections, so the password is only carried: enough to prove it never shows).
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def psql(String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql].execute()
  p.waitForProcessOutput(System.out, System.err)
  assert p.exitValue() == 0 : "psql failed: " + sql
}
psql('DROP DATABASE IF EXISTS dbdevops_it_secrets_pg WITH (FORCE)')
psql('DROP ROLE IF EXISTS dbd_secret_user')
psql("CREATE ROLE dbd_secret_user LOGIN CREATEDB PASSWORD 'S3cr3t-Pa55_dbdevops-ServerId'")
psql('CREATE DATABASE dbdevops_it_secrets_pg OWNER dbd_secret_user')
return true

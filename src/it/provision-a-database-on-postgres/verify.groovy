def log = new File(basedir, 'build.log').text
def psql(String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'dbdevops_it_provision_pg', '-At', '-v', 'ON_ERROR_STOP=1',
           '-c', sql].execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "psql failed: ${sql}: ${err}"
  return out.toString().trim()
}
def tables = { psql("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables "
    + "WHERE table_schema = 'public' AND table_name NOT LIKE 'databasechangelog%'") }
// step 2: created at 1.0.0 with the first two changesets
assert log.contains('dbdevops provision: database dbdevops_it_provision_pg on jdbc:postgresql://127.0.0.1:5432/postgres: '
    + 'created, 2 changesets applied (2 in all, version 1.0.0), 2 tables')
assert log.contains('dbdevops provision: reference data: status 2 rows')
// step 3: the head: one more
assert log.contains('dbdevops provision: database dbdevops_it_provision_pg on jdbc:postgresql://127.0.0.1:5432/postgres: '
    + 'existing, 1 changeset applied (3 in all, the head), 3 tables')
// step 4: refused, nothing changed
assert log.contains('holds 3 changesets, more than the 2 of version 1.0.0: provision does not roll back; '
    + '-Ddbdevops.provision.reset=true rebuilds it (nothing was changed)')
// step 5: rebuilt with rows
assert log.contains('dbdevops provision: database dbdevops_it_provision_pg on jdbc:postgresql://127.0.0.1:5432/postgres: '
    + 'rebuilt, 3 changesets applied (3 in all, the head), 3 tables')
assert log =~ /dbdevops seed: 80 rows in 2 tables of database dbdevops_it_provision_pg on \S+ in \d+ ms/
assert log.contains('dbdevops seed:   status: reference data, its rows kept')
// the engine's own catalog and rows
assert tables() == 'customers,orders,status'
assert psql('SELECT COUNT(*) FROM databasechangelog') == '3'
assert psql('SELECT COUNT(*) FROM customers') == '40'
assert psql('SELECT COUNT(*) FROM orders') == '40'
assert psql("SELECT string_agg(code, ',' ORDER BY code) FROM status") == 'DONE,NEW'
// Spring Boot's properties, no password
def props = new File(basedir, 'target/dbdevops/provisioned.properties').text
assert props.contains('spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/dbdevops_it_provision_pg\n')
assert props.contains('spring.datasource.username=postgres\n')
assert props.contains('dbdevops.provisioned.version=head\n')
assert log.contains('dbdevops provision: JDBC URL jdbc:postgresql://127.0.0.1:5432/dbdevops_it_provision_pg (user postgres); '
    + 'Spring Boot properties in target/dbdevops/provisioned.properties')
// step 6: protected, before any connection
assert log.contains("environment 'prod' is <protected>true</protected>: dbdevops:provision does not build or rebuild it")
assert !log.contains('dbdevops_it_no_such_database" does not exist')
// cleanup
def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c',
         'DROP DATABASE IF EXISTS dbdevops_it_provision_pg WITH (FORCE)'].execute()
p.waitForProcessOutput(System.out, System.err)
return true

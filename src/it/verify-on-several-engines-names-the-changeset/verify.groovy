def log = new File(basedir, 'build.log').text
// the state as H2 makes it: full_name NOT NULL
def state = new File(basedir, 'src/main/db/schema/tables/customers.yaml').text
assert state =~ /(?s)full_name.*nullable: false/
// the first engine's gate passes; MariaDB's differs, named per object and engine with the changeset responsible
assert log.contains('dbdevops: engine mariadb (url): applying the changelog and comparing with the committed state')
assert log.contains('dbdevops: on mariadb (url): ~ customers: column full_name: not null -> null — made by changeset '
    + '002-rename-name (db/changelog/db.changelog-master.xml:12)')
assert log.contains('the changelog makes a different state on 1 engine than the committed state (which H2 makes): 1 difference')
// nothing else differs (the index and the other columns are the same on both)
assert !(log =~ /on mariadb \(url\): [^\n]*ix_customers_email/)
// the temporary shadow database this build made on MariaDB is gone from the server
def shadow = (log =~ /mariadb temporary database (dbdevops_shadow_\w+) on/)[0][1]
def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', '-e',
         "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${shadow}'"].execute()
def out = new StringBuilder(); p.waitForProcessOutput(out, System.err)
assert out.toString().trim() == '0'
return true

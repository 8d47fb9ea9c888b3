def log = new File(basedir, 'build.log').text
def sql(String q) {
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', 'dbdevops_rec_it_irreversible_mdb', '-e', q].execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "mariadb failed: ${q}: ${err}"
  return out.toString().trim()
}
def message = "cannot roll back environment 'test' (jdbc:mariadb://127.0.0.1:3306/dbdevops_rec_it_irreversible_mdb) to " +
    "count:2: changeset 3-backfill (author rec, db/changelog/changes/3-backfill.xml:5) has no inverse and no <rollback> " +
    "(DBD601); nothing was changed. Roll forward instead: write a new changeset that undoes it, then run dbdevops:deploy"
assert log.count("[ERROR] Failed to execute goal io.dbdevops:dbdevops-maven-plugin:") == 2
assert log.count(message) >= 2
assert log.contains('BUILD FAILURE')
assert !log.contains('dbdevops: rolled back')
// nothing changed: the history and the index are there
assert sql('SELECT GROUP_CONCAT(ID ORDER BY ORDEREXECUTED) FROM DATABASECHANGELOG') == '1-orders,2-status-index,3-backfill'
assert sql("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = 'dbdevops_rec_it_irreversible_mdb' " +
    "AND index_name = 'idx_orders_status'") == '1'
assert !new File(basedir, 'target/dbdevops/backups').exists()
def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e', 'DROP DATABASE IF EXISTS dbdevops_rec_it_irreversible_mdb'].execute()
p.waitForProcessOutput(System.out, System.err)
return true

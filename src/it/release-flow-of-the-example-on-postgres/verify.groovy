def log = new File(basedir, 'build.log').text
def psql(String db, String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql].execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "psql failed: ${sql}: ${err}"
  return out.toString().trim()
}
// 1-2: the plan for local, and exactly that plan deployed
assert log =~ /dbdevops plan [0-9a-f]{16} for local: 7 changesets/
assert log.contains('dbdevops deploy: the SQL executed is the plan\'s, statement for statement')
// 3: install verified on H2 and packed the release
assert log.contains('dbdevops: state matches the changelog')
assert log.contains('dbdevops package: target/orders-service-1.0.0-SNAPSHOT-dbrelease.zip')
// 4-6: the artifact, resolved from the repository and checked, planned, deployed with its plan, then status and drift
assert log =~ /dbdevops: release com\.example:orders-service:1\.0\.0-SNAPSHOT \(\w+[^)]*\) from .*orders-service-1\.0\.0-SNAPSHOT-dbrelease\.zip: \d+ files match its manifest/
assert log =~ /dbdevops plan [0-9a-f]{16} for second: 7 changesets/
assert log.contains("7 changesets applied to environment 'second'")
assert log.contains("dbdevops status: 7 changesets applied, 0 pending in environment 'second'")
// the consumer directory holds no changelog of its own: what it deployed came from the artifact
assert !new File(basedir, 'deploy/src').exists()
assert new File(basedir, 'deploy/target/dbdevops/release/orders-service-1.0.0-SNAPSHOT/changelog/db/changelog/db.changelog-master.xml').isFile()
// both databases hold the same history (same files, ids, checksums) and the same tables
def history = "SELECT filename || ' ' || id || ' ' || author || ' ' || md5sum FROM databasechangelog ORDER BY orderexecuted"
def local = psql('dbdevops_it_release_local', history)
assert local.readLines().size() == 7
assert psql('dbdevops_it_release_second', history) == local
def tables = "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'"
assert psql('dbdevops_it_release_second', tables) == psql('dbdevops_it_release_local', tables)
assert psql('dbdevops_it_release_second', tables).contains('orders')
return true

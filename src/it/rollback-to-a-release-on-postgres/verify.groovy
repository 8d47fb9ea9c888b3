import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
def psql(String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'dbdevops_rec_it_rollback_pg', '-At', '-v', 'ON_ERROR_STOP=1',
           '-c', sql].execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "psql failed: ${sql}: ${err}"
  return out.toString().trim()
}
// step 3: the dry run prints each changeset's SQL, latest first
assert log.contains('dbdevops: would roll back 4-drop-note (rec, db/changelog/changes/4-drop-note.xml:')
assert log.contains('[INFO]     ALTER TABLE public.orders ADD note VARCHAR(200);')
assert log.contains('dbdevops: would roll back 3-coupon (rec, db/changelog/changes/3-coupon.xml:')
assert log.contains('[INFO]     ALTER TABLE public.orders DROP COLUMN coupon;')
assert log.contains('dbdevops rollback: dry run: 2 changesets would be rolled back: 4 → 2 applied (1.0.0); nothing was changed')
// step 4: refused naming the switch
assert log.contains("environment 'prod' is <protected>: a rollback of it must be confirmed with -Ddbdevops.rollback.confirm=prod")
// step 5: one line per changeset, the backup, the summary
assert log =~ /dbdevops: rolled back 4-drop-note \(rec\) in \d+ ms/
assert log =~ /dbdevops: rolled back 3-coupon \(rec\) in \d+ ms/
assert log =~ /dbdevops: backup before the rollback: \S+target\/dbdevops\/backups\/test\/\d{8}T\d{6}Z \(orders 0 rows; WAL LSN [0-9A-F]+\/[0-9A-F]+/
assert log =~ /dbdevops: backup taken \(<backup>LOSSY<\/backup>: drop column orders\); to put its rows back: mvn dbdevops:restore -Ddbdevops.environment=test -Ddbdevops.backup=target\/dbdevops\/backups\/test\/\d{8}T\d{6}Z/
assert log =~ /dbdevops rollback: 2 changesets rolled back: 4 → 2 applied \(1\.0\.0\) on environment 'test' in \d+ ms; validated: the live schema equals the expected state at 1\.0\.0; report target\/dbdevops\/rollback-test\.html/
// step 6: a version never released, naming the setting
assert log.contains('-Ddbdevops.rollbackTo: version 0.9.0 was never released (dbdevops.sum records 1.0.0)')
// the engine's catalog and history
assert psql("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
    + "WHERE table_schema = 'public' AND table_name = 'orders'") == 'id,customer_id,note'
assert psql('SELECT string_agg(id, \',\' ORDER BY orderexecuted) FROM databasechangelog') == '1-customers,2-orders'
// the report
def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/rollback-test.json'))
assert json.environment == 'test'
assert json.from.applied == 4 && json.to.applied == 2
assert json.changesets*.id == ['4-drop-note', '3-coupon']
assert json.changesets[1].statements == ['ALTER TABLE public.orders DROP COLUMN coupon']
assert json.backup.tables[0].table == 'public.orders'
assert json.backup.pointInTimeRecovery.lsn ==~ /[0-9A-F]+\/[0-9A-F]+/
assert json.validation.validated == true
assert new File(basedir, 'target/dbdevops/rollback-test.md').text.contains('| 3-coupon | rec |')
assert new File(basedir, 'target/dbdevops/rollback-test.html').text.contains('<svg class="chart"')
def backups = new File(basedir, 'target/dbdevops/backups/test').listFiles().findAll { it.isDirectory() }
// the rollback's only: the deploy's 4-drop-note dropped a column of a table the same deploy created (nothing to copy)
assert backups.size() == 1
backups.each { assert new File(it, 'manifest.json').isFile() && new File(it, 'RECOVERY.md').isFile() }
def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c',
         'DROP DATABASE IF EXISTS dbdevops_rec_it_rollback_pg WITH (FORCE)'].execute()
p.waitForProcessOutput(System.out, System.err)
return true

import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
def run(List<String> command) {
  def p = command.execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "${command} failed: ${err}"
  return out.toString().trim()
}
def pg(int i, String sql) {
  run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', "dbdevops_rec_it_fleet_pg_${i}".toString(), '-At', '-v',
       'ON_ERROR_STOP=1', '-c', sql])
}
def mdb(int i, String sql) {
  run(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', "dbdevops_rec_it_fleet_mdb_${i}".toString(),
       '-e', sql])
}
// step 4: the fleet, two at a time, each line with its environment's name
assert log.contains('dbdevops fleet: rollback on 4 environments: rbf-pg-1, rbf-pg-2, rbf-mdb-1, rbf-mdb-2; parallel 2, onError STOP')
['rbf-pg-1', 'rbf-mdb-1', 'rbf-mdb-2'].each { e ->
  assert log =~ /\[${e}\] dbdevops: rolled back 4-drop-note \(rec\) in \d+ ms/
  assert log =~ /\[${e}\] dbdevops: rolled back 3-coupon \(rec\) in \d+ ms/
  assert log =~ /dbdevops fleet: ${e} +OK +\d+ ms +2 changesets rolled back: 4 → 2 applied \(1\.0\.0\); validated/
}
assert log.contains("[rbf-pg-2] dbdevops rollback: nothing to roll back: at 1.0.0 already (2 applied) on environment 'rbf-pg-2'; nothing was changed")
assert log =~ /dbdevops fleet: rbf-pg-2 +OK +\d+ ms +nothing to roll back: at 1\.0\.0 already \(2 applied\)/
assert log.contains('dbdevops fleet: 4 environments: 4 OK, 0 FAILED, 0 SKIPPED')
// step 5: refused on each, named, nothing changed
assert log =~ /rollback failed on 4 environments: rbf-pg-1 \(-Ddbdevops\.rollbackTo=count:3: environment 'rbf-pg-1' \(jdbc:postgresql:\/\/127\.0\.0\.1:5432\/dbdevops_rec_it_fleet_pg_1\) has only 2 changesets applied; nothing was changed\)/
// step 6: one message for the fleet, and no environment started (steps 4 and 5 each announced their fleet)
assert log.contains('-Ddbdevops.rollbackTo: version 9.9.9 was never released (dbdevops.sum records 1.0.0)')
assert log.count('dbdevops fleet: rollback on 4 environments') == 2
assert !(log =~ /rbf-\S+ +FAILED +\d+ ms +-Ddbdevops\.rollbackTo: version 9\.9\.9/)
// the engines' own catalogs and histories: every database at 1.0.0
[1, 2].each { i ->
  assert pg(i, "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
      + "WHERE table_schema = 'public' AND table_name = 'orders'") == 'id,customer_id,note'
  assert pg(i, "SELECT string_agg(id, ',' ORDER BY orderexecuted) FROM databasechangelog") == '1-customers,2-orders'
  assert mdb(i, "SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position) FROM information_schema.columns "
      + "WHERE table_schema = DATABASE() AND table_name = 'orders'") == 'id,customer_id,note'
  assert mdb(i, 'SELECT GROUP_CONCAT(ID ORDER BY ORDEREXECUTED) FROM DATABASECHANGELOG') == '1-customers,2-orders'
}
// the fleet report of the last fleet run (count:3; step 6 started none) and each environment's own rollback report of the fleet run
def fleet = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/fleet.json'))
assert fleet.goal == 'rollback'
assert fleet.environments*.environment == ['rbf-pg-1', 'rbf-pg-2', 'rbf-mdb-1', 'rbf-mdb-2']
assert fleet.environments*.status == ['FAILED', 'FAILED', 'FAILED', 'FAILED']
['rbf-pg-1', 'rbf-mdb-1', 'rbf-mdb-2'].each { e ->
  def r = new JsonSlurper().parse(new File(basedir, "target/dbdevops/environments/${e}/rollback-${e}.json"))
  assert r.environment == e
  assert r.from.applied == 4 && r.to.applied == 2
  assert r.changesets*.id == ['4-drop-note', '3-coupon']
  assert r.validation.validated == true
}
def alone = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/environments/rbf-pg-2/rollback-rbf-pg-2.json'))
assert alone.from.applied == 2 && alone.to.applied == 2 && alone.changesets == []
// cleanup
[1, 2].each { i ->
  run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c',
       "DROP DATABASE IF EXISTS dbdevops_rec_it_fleet_pg_${i} WITH (FORCE)".toString()])
  run(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e',
       "DROP DATABASE IF EXISTS dbdevops_rec_it_fleet_mdb_${i}".toString()])
}
return true

import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
def out(List cmd) {
  def p = cmd.execute()
  def o = new StringBuilder(), e = new StringBuilder()
  p.waitForProcessOutput(o, e)
  assert p.exitValue() == 0 : "failed: ${cmd}: ${e}"
  return o.toString().trim()
}
def pg = { int i, String sql -> out(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', "dbdevops_it_fleet_pg_${i}", '-At', '-c', sql]) }
def mdb = { int i, String sql -> out(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', "dbdevops_it_fleet_mdb_${i}", '-e', sql]) }

// 1. nine databases deployed, each by the engine's own catalog; fleet-mdb-3 untouched but for its own table
(1..5).each { i ->
  assert pg(i, 'SELECT COUNT(*) FROM databasechangelog') == '7'
  assert pg(i, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'databasechangelog%' AND table_name <> 'dbdevops_deploy_history'") == '5'
}
[1, 2, 4, 5].each { i ->
  assert mdb(i, 'SELECT COUNT(*) FROM DATABASECHANGELOG') == '7'
  assert mdb(i, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%' AND TABLE_NAME <> 'DBDEVOPS_DEPLOY_HISTORY'") == '5'
}
assert mdb(3, "SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()") == 'customers'
// the summary table and the failure naming the environment
assert log.contains('dbdevops fleet: deploy on 10 environments: fleet-pg-1, fleet-pg-2, fleet-pg-3, fleet-pg-4, fleet-pg-5, fleet-mdb-1, fleet-mdb-2, fleet-mdb-3, fleet-mdb-4, fleet-mdb-5; parallel 4, onError CONTINUE; canaries first: fleet-pg-1')
assert log =~ /dbdevops fleet: fleet-mdb-3 +FAILED +\d+ ms  deploy to environment 'fleet-mdb-3' blocked by drift/
assert log =~ /dbdevops fleet: fleet-pg-1\* +OK +\d+ ms  7 changesets applied \(7 were pending\); validated/
assert log =~ /dbdevops fleet: 10 environments: 9 OK, 1 FAILED, 0 SKIPPED in \d+ ms \(parallel 4, onError CONTINUE\); \* canary; report target\/dbdevops\/fleet.html/
assert log.contains('deploy failed on 1 environment: fleet-mdb-3 (deploy to environment \'fleet-mdb-3\' blocked by drift')
// each environment's lines carry its name; its drift report is its own
assert log =~ /\[fleet-mdb-5\] dbdevops: deploying to environment 'fleet-mdb-5'/
assert new File(basedir, 'target/dbdevops/environments/fleet-mdb-3/drift.json').isFile()

// 2. the shard's fleet.json lists only its environments (the last run that wrote it is 4; 2's lines are in the log)
assert log.contains('dbdevops fleet: status on 2 environments (shard 2/2): fleet-pg-2, fleet-pg-4; parallel 4, onError STOP')
assert log =~ /dbdevops fleet: 2 environments \(shard 2\/2\): 2 OK, 0 FAILED, 0 SKIPPED/
assert log =~ /dbdevops fleet: fleet-pg-2 +OK +\d+ ms  7 changesets applied, 0 pending/

// 3. the canary failed: the others not started
assert log.contains('canaries first: fleet-mdb-3')
assert log =~ /dbdevops fleet: fleet-mdb-1 +SKIPPED +0 ms  not started: canary fleet-mdb-3 failed/
assert log =~ /dbdevops fleet: 5 environments: 0 OK, 1 FAILED, 4 SKIPPED/

// 5, 6. a plan per environment, each deployed exactly
(1..5).each { i -> assert new File(basedir, "target/dbdevops/plan/fleet-pg-${i}/plan.json").isFile() }
assert log =~ /\[fleet-pg-3\] dbdevops: plan [0-9a-f]{16} matches what a deploy does now/
assert log =~ /dbdevops fleet: fleet-pg-5 +OK +\d+ ms  0 changesets applied \(0 were pending\), plan [0-9a-f]{16}; validated/

// 7. one message, no environment started
assert log.contains('-Ddbdevops.plan=target/no-plans in a fleet run: give the directory dbdevops:plan wrote the fleet')
assert !(log =~ /fleet-pg-\d +FAILED .*no-plans/)
// 4. idempotent: nothing left, serially (fleet.json is the last run's: 6, the plans' deploy)
def fleet = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/fleet.json'))
assert fleet.goal == 'deploy'
assert fleet.environments*.environment == ['fleet-pg-1', 'fleet-pg-2', 'fleet-pg-3', 'fleet-pg-4', 'fleet-pg-5']
assert fleet.environments*.status.every { it == 'OK' }
assert fleet.environments*.summary.every { it.startsWith('0 changesets applied (0 were pending), plan ') }
assert log =~ /dbdevops fleet: 5 environments: 5 OK, 0 FAILED, 0 SKIPPED in \d+ ms \(parallel 1, onError STOP\)/
assert fleet.counts.ok == 5
assert new File(basedir, 'target/dbdevops/fleet.html').text.contains('<svg')
assert new File(basedir, 'target/dbdevops/fleet.md').text.contains('| fleet-pg-3 |  | OK |')

// cleanup
(1..5).each { i ->
  out(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c', "DROP DATABASE IF EXISTS dbdevops_it_fleet_pg_${i} WITH (FORCE)"])
  out(['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e', "DROP DATABASE IF EXISTS dbdevops_it_fleet_mdb_${i}"])
}
return true

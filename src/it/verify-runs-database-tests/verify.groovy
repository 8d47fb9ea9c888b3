def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)(?=^\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert runs.size() == 5 : "expected five builds, found ${runs.size()}"
// 1-3: the example's five tests pass on H2, PostgreSQL and MariaDB
[0, 1, 2].each { i ->
  assert runs[i] =~ /\[INFO\] dbdevops db tests: 5 passed, 0 failed \(\d+ ms\); target\/dbdevops\/TEST-dbdevops-db\.xml/ : "build ${i + 1}"
}
assert runs[1].contains('dbdevops: shadow database: postgresql temporary database')
assert runs[2].contains('dbdevops: shadow database: mariadb temporary database')
// 4: the failing test named with file:line, its rows shown; the build fails on it; the passing one passes
def failed = runs[3]
assert failed.contains("[ERROR] dbdevops db test FAILED: a wrong expectation of the view (src/test/db-failing/totals.sql:1): src/test/db-failing/totals.sql:6: the last query returned 1 row (a test passes when it returns none)")
assert failed.contains('[ERROR]     (order_id=1, total=30.00)')
assert failed =~ /\[ERROR\] dbdevops db tests: 1 passed, 1 failed/
assert failed.contains('dbdevops db tests: 1 test failed on the shadow:')
assert failed.contains('BUILD FAILURE')
def junit = new File(basedir, 'target/dbdevops/TEST-dbdevops-db.xml')
// 5: -DskipTests: not run, no JUnit file left from build 4
assert !runs[4].contains('dbdevops db tests:')
assert runs[4].contains('BUILD SUCCESS')
assert !junit.exists() : 'the JUnit file of an earlier run is removed'
return true

def whole = new File(basedir, 'build.log').text
// one build per invocation
def runs = whole.split(/(?m)(?=^\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert runs.size() == 7 : "expected seven builds, found ${runs.size()}"
// builds 3-5: the refusals; 6-7: the published artifact
def log = runs[2..4].join('\n')
def deployed = runs[5..6].join('\n')
assert whole.contains('dbdevops package: target/orders-tampered-1.1.0-dbrelease.zip')
def changed = 'changelog/db/changelog/changes/004-create-orders.xml changed since it was packed'
// deploy and plan: one message naming the release, the file and that nothing was done; a BUILD ERROR
assert log.count(changed) >= 2 : 'deploy and plan each name the changed file'
assert log.contains('the release it.dbdevops:orders-tampered:1.1.0 (')
assert log.contains('Refusing to use it: nothing was done on any database')
// said once on Maven's error line (not once more with the cause's absolute path)
assert !log.contains('package the release again: the release')
assert log.contains('Caused by: org.apache.maven.plugin.MojoExecutionException: the release it.dbdevops:orders-tampered:1.1.0')
// no shadow was opened, no environment session: the checks came first
assert !log.contains('dbdevops: shadow database')
assert !log.contains('dbdevops: deploying to')
assert !log.contains('dbdevops: planning a deploy')
// coordinates no repository holds: named, with what to do
assert log.contains('-Ddbdevops.release=it.dbdevops:no-such-release:9.9.9: cannot resolve it.dbdevops:no-such-release:zip:dbrelease:9.9.9')
def mariadb = { String sql ->
  def p = ['mariadb', '-uroot', '-h127.0.0.1', '-N', '-e', sql].execute()
  def out = new StringBuilder()
  p.waitForProcessOutput(out, System.err)
  assert p.exitValue() == 0
  out.toString().trim()
}
// the refused database is as it was: empty, not even Liquibase's tables
assert mariadb("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'dbdevops_it_tampered'") == '0'
// the published artifact (the installed copy, never changed) deployed, then drift and status read from it
assert deployed =~ /dbdevops: release it\.dbdevops:orders-tampered:1\.1\.0 \(\w+[^)]*\) from .*local-repo.*orders-tampered-1\.1\.0-dbrelease\.zip: \d+ files match its manifest/
assert deployed.contains("dbdevops deploy: 7 changesets applied to environment 'other'")
assert deployed.contains('dbdevops drift: No drift in other')
assert deployed.contains("dbdevops status: 7 changesets applied, 0 pending in environment 'other'")
assert mariadb("SELECT COUNT(*) FROM dbdevops_it_release_my.DATABASECHANGELOG WHERE FILENAME LIKE 'db/changelog/changes/%'") == '7'
assert mariadb("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'dbdevops_it_release_my' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'DATABASECHANGELOG%' AND table_name <> 'DBDEVOPS_DEPLOY_HISTORY'") == '5'
return true

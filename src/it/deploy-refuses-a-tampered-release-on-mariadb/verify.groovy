def whole = new File(basedir, 'build.log').text
// what the deployment directory's builds printed (the first two builds packed and changed the zip)
def log = whole.substring(whole.indexOf('Building orders-deploy-mariadb'))
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
// the database is as it was: empty, not even Liquibase's tables
def p = ['mariadb', '-uroot', '-h127.0.0.1', '-N', '-e',
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'dbdevops_it_tampered'"].execute()
def out = new StringBuilder()
p.waitForProcessOutput(out, System.err)
assert p.exitValue() == 0
assert out.toString().trim() == '0'
return true

try {
  def log = new File(basedir, 'build.log').text
  def runs = log.split(/(?m)(?=^\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
  assert runs.size() == 5 : "expected five builds in build.log, found ${runs.size()}"
  runs.eachWithIndex { r, i -> assert r.contains('[DEBUG]   (f) ') : "build ${i + 1} runs at -X" }
  def warning = 'carries a password: it works and dbdevops never prints it, but Maven itself prints every plugin parameter at -X'

  def has = { int run, String text -> assert runs[run].contains(text) : "build ${run + 1} shows: ${text}" }
  // the POM's environments carry URL passwords; Maven prints them at -X in the builds of the goals that take
  // <environments> (deploy, plan, drift, status), and each of those warns once. verify has no <environments>
  // parameter, so Maven does not print them there: build 1 shows no password at all and does not warn (a verify
  // warns only of its own shadow URL's password)
  def expected = [0, 1, 1, 1, 1]
  runs.eachWithIndex { r, i -> assert r.count(warning) == expected[i] : "build ${i + 1} warns ${expected[i]} times, not ${r.count(warning)}" }
  assert !runs[0].contains('S3cr3t-Pa55') : 'build 1 (verify) shows no password'
  def warned = runs[2].readLines().find { it.contains(warning) }
  assert warned.startsWith("[WARNING] dbdevops: the JDBC URL in <url> of environment 'pg-url', <url> of environment 'pg-unreachable' ") : warned
  ['<shadowServerId>', '<serverId>', '<passwordEnv>', 'DBDEVOPS_SHADOW_PASSWORD', 'mvn --encrypt-password'].each {
    assert warned.contains(it) : "the warning names ${it}: ${warned}"
  }

  // 1. verify, the shadow's password from settings.xml, encrypted
  has(0, 'BUILD SUCCESS')
  has(0, 'dbdevops: shadow database: postgresql temporary database')
  has(0, 'dbdevops: state matches the changelog')
  // 2. deploy, the password from <passwordEnv>
  has(1, 'BUILD SUCCESS')
  has(1, "dbdevops: deploying to environment 'pg-env' (jdbc:postgresql://127.0.0.1:5432/dbdevops_it_secrets_pg)")
  has(1, 'post-deploy validation: the live schema equals the expected state')
  // 3. drift and status in one build with the password in the URL's user info: it works (one warning, above)
  has(2, 'BUILD SUCCESS')
  has(2, "dbdevops: drift of environment 'pg-url' (jdbc:postgresql://127.0.0.1:5432/dbdevops_it_secrets_pg) (read-only)")
  has(2, "dbdevops status: 7 changesets applied, 0 pending in environment 'pg-url'")
  has(2, 'dbdevops plan ')
  // the plan files are among what is scanned below
  assert new File(basedir, 'target/dbdevops/plan/pg-url/plan.html').isFile()
  // 4. ?password= in the shadow URL, named in that build's warning
  has(3, 'BUILD SUCCESS')
  has(3, 'dbdevops: state matches the changelog')
  assert runs[3].readLines().find { it.contains(warning) }.contains('the JDBC URL in <shadowUrl> (-Ddbdevops.shadow.url) carries a password') : 'build 4 names <shadowUrl>'
  // 5. unreachable: a BUILD ERROR naming the setting, its whole exception chain printed (-X) and scanned below
  has(4, "cannot reach the database at jdbc:postgresql://127.0.0.1:1/dbdevops_it_secrets_pg (check <url> of environment 'pg-unreachable' in <environments>; is the server running?)")
  has(4, '[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException')
  has(4, 'Caused by: io.dbdevops.SetupException: cannot reach the database')

  def secrets = ['S3cr3t-Pa55_dbdevops-ServerId', 'Ma5ter-Secret_dbdevops-IT', 'S3cr3t-Pa55_dbdevops-FromEnv',
                 'S3cr3t-Pa55_dbdevops-InUrl/#', 'S3cr3t-Pa55_dbdevops-InQuery', 'S3cr3t-Pa55_dbdevops-ShadowEnv']
  // Maven's own dump of the mojo's parameters (-X), which dbdevops cannot stop: the warning above covers it
  // (its "(f) name = value" lines, the environments' nested <url> too, and the configuration XML of the build plan)
  def allowed = { String line -> line ==~ /\[DEBUG\]\s+\(f\) (shadowUrl|url) = jdbc:.*/ || line ==~ /\s*<url>jdbc:[^<]*<\/url>\s*/ }
  def binding = new Binding([basedir: basedir, secrets: secrets, allowed: allowed])
  def result = new GroovyShell(binding).evaluate(new File(basedir, '../../../../src/it/_shared/scan-secrets.groovy'))
  assert result.found.isEmpty() : "passwords found:\n" + result.found.join('\n')
  assert result.files > 3 : 'the reports and caches were scanned'
  assert !result.allowed.isEmpty() : "Maven's parameter dump shows the URL password (what the warning is about)"
  return true
} finally {
  ['DROP DATABASE IF EXISTS dbdevops_it_secrets_pg WITH (FORCE)', 'DROP ROLE IF EXISTS dbd_secret_user'].each { sql ->
    def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c', sql].execute()
    p.waitForProcessOutput(System.out, System.err)
  }
}

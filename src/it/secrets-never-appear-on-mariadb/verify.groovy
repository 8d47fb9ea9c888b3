try {
  def log = new File(basedir, 'build.log').text
  def runs = log.split(/(?m)(?=^\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
  assert runs.size() == 5 : "expected five builds in build.log, found ${runs.size()}"
  runs.eachWithIndex { r, i -> assert r.contains('[DEBUG]   (f) ') : "build ${i + 1} runs at -X" }
  def has = { int run, String text -> assert runs[run].contains(text) : "build ${run + 1} shows: ${text}" }
  def warning = 'carries a password: it works and dbdevops never prints it, but Maven itself prints every plugin parameter at -X'
  // the POM's environments carry URL passwords; Maven prints them at -X in the builds of the goals that take
  // <environments> (deploy, plan, drift, status), and each of those warns once. verify has no <environments>
  // parameter, so Maven does not print them there: build 1 shows no password at all and does not warn (a verify
  // warns only of its own shadow URL's password)
  def expected = [0, 1, 1, 1, 1]
  runs.eachWithIndex { r, i -> assert r.count(warning) == expected[i] : "build ${i + 1} warns ${expected[i]} times, not ${r.count(warning)}" }
  assert !runs[0].contains('S3cr3t-Pa55') : 'build 1 (verify) shows no password'
  assert runs[1].readLines().find { it.contains(warning) }.startsWith("[WARNING] dbdevops: the JDBC URL in <url> of environment 'my-url' carries")

  // 1. verify, the shadow's password from DBDEVOPS_SHADOW_PASSWORD
  has(0, 'BUILD SUCCESS')
  has(0, 'dbdevops: shadow database: mariadb temporary database')
  has(0, 'dbdevops: state matches the changelog')
  // 2. deploy, the password from settings.xml
  has(1, 'BUILD SUCCESS')
  has(1, 'post-deploy validation: the live schema equals the expected state')
  // 3. drift and status, the password in the URL's user info
  has(2, 'BUILD SUCCESS')
  has(2, "dbdevops: drift of environment 'my-url' (jdbc:mariadb://127.0.0.1:3306/dbdevops_it_secrets_my) (read-only)")
  has(2, "dbdevops status: 7 changesets applied, 0 pending in environment 'my-url'")
  // 4. the wrong password: refused, named as the credentials, a BUILD ERROR with its chain printed (-X)
  has(3, "cannot log in to jdbc:mariadb://127.0.0.1:3306/dbdevops_it_secrets_my as user 'dbd_secret_user': the database refused the credentials")
  has(3, '[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException')
  has(3, 'Caused by: io.dbdevops.SetupException: cannot log in to')
  // 5. H2 with ;PASSWORD= in the URL, named in that build's warning
  has(4, 'BUILD SUCCESS')
  has(4, 'dbdevops: shadow database: h2 at jdbc:h2:mem:dbd_secrets')
  has(4, 'dbdevops: state matches the changelog')
  assert runs[4].readLines().find { it.contains(warning) }.contains('the JDBC URL in <shadowUrl> (-Ddbdevops.shadow.url) carries a password') : 'build 5 names <shadowUrl>'

  def secrets = ['S3cr3t-Pa55_dbdevops-MariaServer', 'Ma5ter-Secret_dbdevops-IT', 'Wr0ng-Pa55_dbdevops-Refused',
                 'S3cr3t-Pa55_dbdevops-H2']
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
  ['DROP DATABASE IF EXISTS dbdevops_it_secrets_my', "DROP USER IF EXISTS 'dbd_secret_user'@'%', 'dbd_secret_user'@'localhost'"].each { sql ->
    def p = ['mysql', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e', sql].execute()
    p.waitForProcessOutput(System.out, System.err)
  }
}

// A fresh MariaDB database, and a background thread of this JVM (the invoker's, which outlives each build) playing
// another application's session: once v1 is deployed it holds the orders table (an open transaction that read it FOR
// UPDATE: the deploy's ALTER waits for its metadata lock) until build 2 has failed; then it takes the lock again and
// lets go as soon as build 3's deploy has waited once and timed out. Its session id goes to target/imp-holder-ids.
def db = 'dbdevops_imp_it_lock'
def mariadb = { String sql ->
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', '-e', sql].execute()
  def o = new StringBuilder(), e = new StringBuilder()
  p.waitForProcessOutput(o, e)
  return p.exitValue() == 0 ? o.toString().trim() : null
}
assert mariadb("DROP DATABASE IF EXISTS ${db}; CREATE DATABASE ${db}") != null
def ids = new File(basedir, 'target/imp-holder-ids')
ids.parentFile.mkdirs()
ids.text = ''
def until = { Closure<Boolean> condition ->
  for (int i = 0; i < 6000; i++) { // at most 10 minutes: the builds ended otherwise
    if (condition()) {
      return true
    }
    Thread.sleep(100)
  }
  return false
}
def hold = {
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', '-n', db].execute()
  p.outputStream.write(('SELECT CONNECTION_ID(); START TRANSACTION; SELECT COUNT(*) FROM orders FOR UPDATE;\n').bytes)
  p.outputStream.flush()
  def reader = new BufferedReader(new InputStreamReader(p.inputStream))
  def id = reader.readLine().trim()
  reader.readLine() // the count: the lock is held
  ids.append(id + '\n')
  return p
}
def release = { Process p ->
  p.outputStream.write('ROLLBACK;\n'.bytes)
  p.outputStream.close()
  p.waitFor()
}
def history = { String outcome -> mariadb("SELECT COUNT(*) FROM ${db}.DBDEVOPS_DEPLOY_HISTORY WHERE OUTCOME = '${outcome}'") }
Thread.start('imp-lock-holder') {
  if (!until { history('SUCCEEDED') == '1' }) {
    return
  }
  def first = hold()
  until { history('FAILED') == '1' }
  release(first)
  def second = hold()
  // build 3: the deploy's session waits for the metadata lock, then gives up (lockTimeout 1s): let go
  until { mariadb("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '${db}' AND STATE LIKE 'Waiting for table metadata lock'") == '1' }
  until { mariadb("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '${db}' AND STATE LIKE 'Waiting for table metadata lock'") == '0' }
  release(second)
}
return true

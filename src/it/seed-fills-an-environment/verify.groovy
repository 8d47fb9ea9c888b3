def log = new File(basedir, 'build.log').text
def psql(String db, String sql) {
  def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql].execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "psql failed: ${sql}: ${err}"
  return out.toString().trim()
}
['dev-a', 'dev-b'].each { env ->
  assert log =~ /dbdevops seed: 1800 rows in 4 tables of environment '${env}' in \d+ ms \(\d+ rows\/s\)/
}
assert log.contains('dbdevops seed:   order_lines: 900 rows')
['dbdevops_it_seed_a', 'dbdevops_it_seed_b'].each { db ->
  assert psql(db, 'SELECT COUNT(*) FROM customers') == '300'
  assert psql(db, 'SELECT COUNT(*) FROM order_lines') == '900'
  // order_status: rows 0, its three committed rows only
  assert psql(db, 'SELECT COUNT(*) FROM order_status') == '3'
  // the database's own constraints held every row; the configured column is as set
  assert psql(db, 'SELECT COUNT(*) FROM order_lines WHERE quantity <= 0') == '0'
  assert psql(db, "SELECT COUNT(*) FROM customers WHERE full_name NOT LIKE '% Example'") == '0'
}
// deterministic: the same seed gave the same rows in both databases
def rows = 'SELECT c.email || c.full_name || p.sku || p.price || l.quantity || l.unit_price FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = l.product_id ORDER BY l.order_id, l.line_no'
assert psql('dbdevops_it_seed_a', rows) == psql('dbdevops_it_seed_b', rows)
// protected: refused before any connection, naming the setting
assert log.contains("environment 'prod' is <protected>true</protected>: dbdevops:seed does not write generated rows into it")
assert log.contains('Caused by: org.apache.maven.plugin.MojoExecutionException')
assert !log.contains('dbdevops_it_no_such_database" does not exist')
return true

def log = new File(basedir, 'build.log').text
def sql(String q) {
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', 'dbdevops_it_provision_dev', '-e', q].execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "mariadb failed: ${q}: ${err}"
  return out.toString().trim()
}
assert log.contains("dbdevops provision: environment 'dev' (jdbc:mariadb://127.0.0.1:3306/dbdevops_it_provision_dev): "
    + "was empty, 7 changesets applied (7 in all, the head), 5 tables")
assert log.contains('dbdevops provision: reference data: order_status 3 rows')
assert log =~ /dbdevops seed: 100 rows in 4 tables of environment 'dev' \(\S+\) in \d+ ms/
assert log.contains("dbdevops provision: environment 'dev' (jdbc:mariadb://127.0.0.1:3306/dbdevops_it_provision_dev): "
    + "existing, 0 changesets applied (7 in all, the head), 5 tables")
// the engine's own catalog: the example's tables and view, Liquibase's history, the generated rows
assert sql("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = "
    + "'BASE TABLE' AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'").readLines()*.trim().sort() ==
    ['customers', 'order_lines', 'order_status', 'orders', 'products']
assert sql('SELECT COUNT(*) FROM DATABASECHANGELOG') == '7'
assert sql('SELECT COUNT(*) FROM customers') == '25'
assert sql('SELECT COUNT(*) FROM order_lines') == '25'
assert sql('SELECT COUNT(*) FROM order_status') == '3'
def props = new File(basedir, 'target/dbdevops/provisioned.properties').text
assert props.contains('spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/dbdevops_it_provision_dev\n')
assert props.contains('spring.datasource.username=root\n')
assert props.contains('spring.datasource.password=\n')
sql('DROP DATABASE dbdevops_it_provision_dev')
return true

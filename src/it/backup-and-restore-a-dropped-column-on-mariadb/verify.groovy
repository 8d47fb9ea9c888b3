import groovy.json.JsonSlurper
import java.security.MessageDigest
def log = new File(basedir, 'build.log').text
def sql(String q) {
  def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-N', '-B', 'dbdevops_rec_it_backup_mdb', '-e', q].execute()
  def out = new StringBuilder(), err = new StringBuilder()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "mariadb failed: ${q}: ${err}"
  return out.toString().trim()
}
// step 3: the backup before the first DDL, then the drop
assert log =~ /dbdevops: backup before the deploy: \S+target\/dbdevops\/backups\/test\/\d{8}T\d{6}Z \(orders 3 rows; /
assert log =~ /dbdevops: backup taken \(<backup>LOSSY<\/backup>: drop column orders\); to put its rows back: mvn dbdevops:restore -Ddbdevops.environment=test -Ddbdevops.backup=target\/dbdevops\/backups\/test\/\d{8}T\d{6}Z \(see its RECOVERY.md\)/
def folders = new File(basedir, 'target/dbdevops/backups/test').listFiles().findAll { it.isDirectory() }
assert folders.size() == 1
def dir = folders[0]
def manifest = new JsonSlurper().parse(new File(dir, 'manifest.json'))
assert manifest.environment == 'test' && manifest.purpose == 'deploy' && manifest.appliedCount == 2
assert manifest.changesets.size() == 1 && manifest.changesets[0].endsWith('::3-drop-note::rec')
assert manifest.tables.size() == 1
def t = manifest.tables[0]
assert t.table == 'orders' && t.rows == 3
assert t.columns*.name == ['id', 'customer', 'note', 'total']
def csv = new File(dir, t.file)
assert t.sha256 == MessageDigest.getInstance('SHA-256').digest(csv.bytes).encodeHex().toString()
assert csv.readLines()[0] == 'id,customer,note,total'
// the anchor: the binlog position when the server writes one, else said plainly
def anchor = manifest.pointInTimeRecovery
assert anchor.binlogFile || anchor.note.contains('log_bin=OFF')
assert anchor.containsKey('gtid')
assert new File(dir, 'RECOVERY.md').text.contains('mvn dbdevops:restore -Ddbdevops.environment=test -Ddbdevops.backup=' + dir.canonicalPath)
// step 4: the shape differs
assert log.contains("cannot restore table orders: its columns are (id int(11), customer varchar(100), total decimal(10,2)) in " +
    "environment 'test' (jdbc:mariadb://127.0.0.1:3306/dbdevops_rec_it_backup_mdb), the backup's are (id int(11), " +
    "customer varchar(100), note varchar(200), total decimal(10,2)); nothing was restored")
// step 5: rolled back to 1.0.0
assert log =~ /dbdevops rollback: 2 changesets rolled back: 3 → 1 applied \(1\.0\.0\) on environment 'test' in \d+ ms; validated/
// step 6: every row back
assert log.contains('dbdevops: restored orders: 3 rows')
assert log =~ /dbdevops restore: 3 rows in 1 table restored into environment 'test' in \d+ ms, each count equal to the manifest's/
assert sql("SELECT CONCAT_WS('|', id, customer, IFNULL(note, '<null>'), total) FROM orders ORDER BY id").readLines() == [
    '1|Ada|leave at the door, "ring" twice|10.50', '2|Grace||0.00', '3|Edsger|<null>|99999999.99']
// step 7: refused, nothing duplicated
assert log.contains("cannot restore table orders: it holds 3 rows in environment 'test'")
assert sql('SELECT COUNT(*) FROM orders') == '3'
def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e', 'DROP DATABASE IF EXISTS dbdevops_rec_it_backup_mdb'].execute()
p.waitForProcessOutput(System.out, System.err)
return true

import java.security.MessageDigest
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def built = new File(basedir, 'target/orders-db-1.2.0-dbrelease.zip')
def installed = new File(localRepositoryPath, 'it/dbdevops/orders-db/1.2.0/orders-db-1.2.0-dbrelease.zip')

// the package phase ran the goal: one line naming the zip and the coordinates it is attached under
assert log.contains('dbdevops package: target/orders-db-1.2.0-dbrelease.zip (')
assert log.contains('attached as it.dbdevops:orders-db:1.2.0:zip:dbrelease')
// install published it beside the jar
assert installed.isFile() : "not installed: ${installed}"
assert new File(localRepositoryPath, 'it/dbdevops/orders-db/1.2.0/orders-db-1.2.0.jar').isFile()
// reproducible: the clean second package wrote exactly the bytes install published
assert built.isFile()
assert built.bytes == installed.bytes : 'two packages of the same sources differ'
// skipped in the first build
assert log.contains('[INFO] dbdevops: skipped (dbdevops.skip=true)')

def sha256 = { byte[] b -> MessageDigest.getInstance('SHA-256').digest(b).encodeHex().toString() }
def zip = new ZipFile(installed)
try {
  def names = zip.entries().toList()*.name
  assert names[0] == 'manifest.json'
  assert names.contains('changelog/db/changelog/db.changelog-master.xml')
  assert names.contains('changelog/db/changelog/changes/005-create-order-lines.sql')
  assert names.contains('state/tables/orders.yaml')
  assert names.contains('dbdevops.sum')
  assert names.contains('RELEASE-NOTES.md')
  // the application's resources are not the changelog's: its properties (with a password) stay out
  assert !names.any { it.contains('application.properties') }
  assert !installed.bytes.toString().contains('app-password-not-for-the-release')
  // every entry at the project's outputTimestamp
  zip.entries().each { assert it.timeLocal == java.time.LocalDateTime.of(2026, 11, 30, 12, 0) : it.name }
  def manifest = new groovy.json.JsonSlurper().parseText(zip.getInputStream(zip.getEntry('manifest.json')).text)
  assert manifest.groupId == 'it.dbdevops' && manifest.artifactId == 'orders-db' && manifest.version == '1.2.0'
  assert manifest.changelog == 'db/changelog/db.changelog-master.xml'
  assert manifest.changesets == 7
  assert manifest.dbdevops
  // the manifest lists every other entry with its SHA-256, and nothing else
  assert manifest.files.keySet() == (names - 'manifest.json') as Set
  names.findAll { it != 'manifest.json' }.each { n ->
    assert manifest.files[n] == sha256(zip.getInputStream(zip.getEntry(n)).bytes) : n
  }
  def notes = zip.getInputStream(zip.getEntry('RELEASE-NOTES.md')).text
  assert notes.startsWith('# orders-db — database release 1.2.0')
} finally {
  zip.close()
}
return true

import java.util.zip.ZipFile
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)(?=^\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert runs.size() == 2
runs.each { r ->
  assert r =~ /dbdevops package: target\/package-classifies-the-release-2\.0\.0-dbrelease\.zip \(\d+ files and the manifest, 4 changesets; MAJOR since 1\.2\.0, 3 changesets new\)/
}
assert runs[1].contains('marked 3 changesets as released')
assert new File(basedir, 'src/main/db/dbdevops.sum').text.contains('release 2.0.0')
def zip = new ZipFile(new File(basedir, 'target/package-classifies-the-release-2.0.0-dbrelease.zip'))
try {
  def manifest = new groovy.json.JsonSlurper().parseText(zip.getInputStream(zip.getEntry('manifest.json')).text)
  assert manifest.classification == 'MAJOR'
  assert manifest.previousVersion == '1.2.0'
  assert manifest.requiredVersion == '2.0.0'
  def notes = zip.getInputStream(zip.getEntry('RELEASE-NOTES.md')).text
  assert notes.contains('**MAJOR** since 1.2.0; the version it needs is 2.0.0 or higher.')
  assert notes.contains('- MAJOR orders.note is dropped by changeset 002-drop-note (db/changelog/changes/002-drop-note.xml:')
  assert notes.contains('## Changesets since 1.2.0 (3)')
  assert notes.contains('| 1 | `002-drop-note` | it |')
  assert notes.contains('## Schema changes since 1.2.0')
  assert notes.contains('- column note')
  assert notes.contains('**DBD103 drop-column** orders.note')
  assert notes.contains('accepted: the note moved to order_notes in 1.2.0')
  // the sum file in the second package records the release it is
  assert zip.getInputStream(zip.getEntry('dbdevops.sum')).text.contains('release 2.0.0')
} finally {
  zip.close()
}
return true

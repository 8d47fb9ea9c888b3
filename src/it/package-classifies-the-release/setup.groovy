// The changelog of version-goal-prints-classification (release 1.2.0 recorded; a dropped column, an added nullable
// column and index, a data-only changeset pending), with the drop accepted in its changeset
def from = new File(basedir, '../../../../src/it/version-goal-prints-classification/src').toPath()
def to = new File(basedir, 'src').toPath()
java.nio.file.Files.walk(from).each { p ->
  def t = to.resolve(from.relativize(p).toString())
  if (java.nio.file.Files.isDirectory(p)) { java.nio.file.Files.createDirectories(t) }
  else { java.nio.file.Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING) }
}
def drop = new File(basedir, 'src/main/resources/db/changelog/changes/002-drop-note.xml')
drop.text = drop.text.replace('<changeSet id="002-drop-note" author="it" context="drop">',
    '<changeSet id="002-drop-note" author="it" context="drop">\n    <comment>dbdevops:allow DBD103 "the note moved to order_notes in 1.2.0"</comment>')
return true

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)(?=^\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert runs.size() == 2
runs.each { r ->
  assert r =~ /data test: the released point filled with \d+ generated rows in \d+ tables/
  assert r.contains('DBD610 fails-on-data: changeset 008-note-required (author orders-team) in db/changelog/changes/008-note-required.xml:5 failed on')
  assert r.contains('on the released point filled with generated rows (-Ddbdevops.dataTest=true)')
  assert r.contains('BUILD FAILURE')
}
// the database's own words
assert runs[0].toLowerCase().contains('null')
assert runs[1].contains('mariadb temporary database')
return true

def log = new File(basedir, 'build.log').text
def pending = log.indexOf('dbdevops: integrity: no src/main/db/dbdevops.sum yet, all 2 changesets are pending')
def marked = log.indexOf('dbdevops: marked 2 changesets as released (2 in total); wrote src/main/db/dbdevops.sum: commit it')
def nothing = log.indexOf('dbdevops: nothing new to mark: all 2 changesets are already released (src/main/db/dbdevops.sum)')
def released = log.indexOf('dbdevops: integrity: 2 changesets released, 0 pending (src/main/db/dbdevops.sum)')
assert pending >= 0 : 'the first verify did not report every changeset pending'
assert marked > pending : 'mark-released did not report 2 changesets marked'
assert log.indexOf('dbdevops:   released 002-create-orders by it (db/changelog/changes/002-create-orders.xml:8)') > pending
assert nothing > marked : 'the second mark-released did not find everything released'
assert released > nothing : 'the last verify did not find both changesets released'
assert !log.contains('BUILD FAILURE')

def lines = new File(basedir, 'src/main/db/dbdevops.sum').readLines('UTF-8')
assert lines.size() == 7
assert lines[0] == '# dbdevops.sum — released changesets; written by mvn dbdevops:mark-released; do not edit by hand'
assert lines[1].startsWith('# ')
assert lines[2].startsWith('# release V: ')
assert lines[3] ==~ /db\/changelog\/changes\/001-create-customers\.xml 001-create-customers it 9:[0-9a-f]{32}/
assert lines[4] ==~ /db\/changelog\/changes\/002-create-orders\.xml 002-create-orders it 9:[0-9a-f]{32}/
// the project version 1.0-SNAPSHOT, recorded as the release it builds
assert lines[5] == 'release 1.0.0'
assert lines[6] ==~ /h1:[A-Za-z0-9+\/]{43}=/

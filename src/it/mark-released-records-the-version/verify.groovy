def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] -+< it\.dbdevops:mark-released-records-the-version >-+$/).drop(1)
assert runs.size() == 4

// 1. the first release: both changesets, and the project version 1.2.0-SNAPSHOT recorded as 1.2.0
assert runs[0].contains('dbdevops: marked 2 changesets as released (2 in total); wrote src/main/db/dbdevops.sum: commit it')
assert runs[0].contains('dbdevops: recorded release 1.2.0 in src/main/db/dbdevops.sum (the last release recorded before: none)')
// 2. again, same version, nothing new: nothing changes
assert runs[1].contains('dbdevops: nothing new to mark: all 2 changesets are already released (src/main/db/dbdevops.sum)')
assert runs[1].contains('dbdevops: release 1.2.0 is already recorded in src/main/db/dbdevops.sum')
assert !runs[1].contains('recorded release')
// 3. a lower version is a BUILD FAILURE naming the file and both versions
assert runs[2].contains('BUILD FAILURE')
assert runs[2].contains('src/main/db/dbdevops.sum: cannot record version 1.1.0: the last release it records is 1.2.0 and '
    + 'versions only go up; set the project version to 1.2.0 or higher')
// 4. verify reads the file with its release line
assert runs[3].contains('dbdevops: integrity: 2 changesets released, 0 pending (src/main/db/dbdevops.sum)')
assert runs[3].contains('BUILD SUCCESS')

def lines = new File(basedir, 'src/main/db/dbdevops.sum').readLines('UTF-8')
assert lines.size() == 7
assert lines[2] == '# release V: the project version that released the changesets above it (since the release line before it)'
assert lines[3].startsWith('db/changelog/changes/001-create-customers.xml 001-create-customers it 9:')
assert lines[4].startsWith('db/changelog/changes/002-create-orders.xml 002-create-orders it 9:')
assert lines[5] == 'release 1.2.0'
assert lines[6] ==~ /h1:[A-Za-z0-9+\/]{43}=/
// the refused run left the file as it was: one release line
assert lines.count { it.startsWith('release ') } == 1

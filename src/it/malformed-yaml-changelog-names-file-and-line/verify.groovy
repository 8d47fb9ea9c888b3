def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoFailureException')
// the broken file is the included changes/002-add-orders-note.yaml (line 11), not the master that includes it
assert log.contains('malformed changelog: db/changelog/changes/002-add-orders-note.yaml line 11'), \
    'the message does not name the broken file and line: ' + log.readLines().find { it.contains('malformed changelog') }
assert !log.contains('dbdevops: applied')

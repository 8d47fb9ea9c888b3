def log = new File(basedir, 'build.log').text
// valid input: the build passes, and says what is almost certainly not meant, naming the file and line
assert log.contains('BUILD SUCCESS')
assert log.contains('[WARNING] dbdevops: db/changelog/changes/002-nothing.xml:8: changeset 002-nothing (author orders-team) '
    + 'has no changes: Liquibase records it as run and changes nothing')
assert log.count('has no changes') == 1

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the change is wrong (a failure), not the build (an error)
assert log.contains('MAVEN/MojoFailureException')
// changes/002-add-orders-note.xml opens <column> at line 10 and closes </addColumn> at line 11
// (the parser's own text after the location is localised by the JDK, so only the location is asserted)
assert log.contains('malformed changelog: db/changelog/changes/002-add-orders-note.xml line 11 column 7: ')
assert !log.contains('dbdevops: applied')

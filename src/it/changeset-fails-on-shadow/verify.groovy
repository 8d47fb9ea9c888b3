def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoFailureException')
// names the changeset, its author, its file and the line it starts at (--changeset it:002-archive-orders is line 3),
// and passes on the database's own message
def m = log =~ /changeset 002-archive-orders \(author it\) in db\/changelog\/changes\/002-archive-orders\.sql:3 failed on the shadow database: (.+)/
assert m.find() : 'no line names the failed changeset and its file'
// H2 localises its text, so assert on the table name and H2's error code 42102 (table not found)
def dbMessage = m.group(1)
assert dbMessage.contains('"ORDER_ARCHIVE"') && dbMessage.contains('[42102-')
// the gate stops there: no comparison with the state
assert !log.contains('differs from what the changelog makes')

def log = new File(basedir, 'build.log').text

// 1. mark-released without contexts: both 002-order-status variants are selected, a real duplicate
def duplicate = log.indexOf('DBD802 out-of-order: changeset 002-order-status by it '
    + '(db/changelog/changes/002-order-status.xml:17) — duplicate changeset: '
    + 'db/changelog/changes/002-order-status.xml::002-order-status::it is also at db/changelog/changes/002-order-status.xml:9')
assert duplicate >= 0 : 'mark-released without contexts did not report the duplicate'
assert log.contains('not marking changesets as released: the changelog has 1 violation; fix the changelog first')
// there is no integrity file yet: no message may send the user to one
assert !log.contains('does not hold')
// the dbms variants are not duplicates: only the h2 one is selected on the H2 shadow
assert !log.contains('003-customers-email-index by it (db/changelog/changes/003-customers-email-index.xml:15)')

// 2. verify with the postgresql context: 3 changesets selected, none released yet, the state matches
def pending = log.indexOf('dbdevops: integrity: no src/main/db/dbdevops.sum yet, all 3 changesets are pending')
assert pending > duplicate : 'verify with contexts=postgresql did not find 3 pending changesets'
def matches = log.indexOf('dbdevops: state matches the changelog', pending)
assert matches > pending

// 3. mark-released with the same contexts
def marked = log.indexOf('dbdevops: marked 3 changesets as released (3 in total); wrote src/main/db/dbdevops.sum: commit it')
assert marked > matches : 'mark-released with contexts=postgresql did not mark the 3 selected changesets'
assert log.indexOf('dbdevops:   released 002-order-status by it (db/changelog/changes/002-order-status.xml:9)', matches) > 0

// 4. verify again: all released
def released = log.indexOf('dbdevops: integrity: 3 changesets released, 0 pending (src/main/db/dbdevops.sum)')
assert released > marked : 'the last verify did not find the 3 changesets released'
assert log.indexOf('dbdevops: state matches the changelog', released) > released
assert log.count('BUILD FAILURE') == 1

def lines = new File(basedir, 'src/main/db/dbdevops.sum').readLines('UTF-8')
assert lines.size() == 8
assert lines[3] ==~ /db\/changelog\/changes\/001-create-customers\.xml 001-create-customers it 9:[0-9a-f]{32}/
assert lines[4] ==~ /db\/changelog\/changes\/002-order-status\.xml 002-order-status it 9:[0-9a-f]{32}/
assert lines[5] ==~ /db\/changelog\/changes\/003-customers-email-index\.xml 003-customers-email-index it 9:[0-9a-f]{32}/
assert lines[6] ==~ /^release \d+\.\d+\.\d+$/
assert lines[7] ==~ /h1:[A-Za-z0-9+\/]{43}=/

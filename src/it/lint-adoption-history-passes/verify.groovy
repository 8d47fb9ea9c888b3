import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('BUILD FAILURE')

// the first verify: no dbdevops.sum, so the whole history is pending; one line says what that means and the fix
def adoption = log.indexOf('[WARNING] dbdevops: integrity: no src/main/db/dbdevops.sum yet, all 12 changesets are '
    + 'pending: lint judges none of their drops and renames; if they already run in production, run '
    + '`mvn dbdevops:mark-released` and commit src/main/db/dbdevops.sum')
assert adoption >= 0 : 'the first verify did not say how to mark the history released'
assert log.indexOf('dbdevops: state matches the changelog') > adoption
// renames and drops of objects the history itself created are not findings; nothing is an error
assert !log.contains('[ERROR] DBD')
assert !log.contains('DBD103') && !log.contains('DBD202') && !log.contains('DBD201') && !log.contains('DBD101')
def summary = log.indexOf('dbdevops lint: 0 errors, ')
assert summary > adoption
// DBD602 rolled back the last changesets only, not the whole history, and said so
assert log.indexOf('dbdevops lint: DBD602 rolled back the last 10 of the 12 pending changesets, not the whole history: '
    + 'nothing is released yet') > adoption
// the foreign key added by 010 to a table 002 created is located at 010 (file and line of its changeset)
assert log.contains('[WARNING] DBD702 fk-without-index: foreign key purchase_orders.fk_purchase_orders_customer '
    + '(customer_id) has no index by changeset 2023-010-purchase-orders-customer-fk '
    + '(db/changelog/changes/010-purchase-orders-customer-fk.xml:8)')

// mark-released marks the history; the next verify finds it released and says nothing about adoption any more
def marked = log.indexOf('dbdevops: marked 12 changesets as released (12 in total); wrote src/main/db/dbdevops.sum: commit it')
assert marked > summary
def released = log.indexOf('dbdevops: integrity: 12 changesets released, 0 pending (src/main/db/dbdevops.sum)')
assert released > marked
assert log.indexOf('mvn dbdevops:mark-released` and commit', marked) < 0

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.result == 'PASSED'
assert json.lint.pendingChangesets == 0

import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('dbdevops: wrote changeset 008-order-status-rows to db/changelog/changes/008-order-status-rows.xml '
    + '(3 changes), included from db/changelog/db.changelog-master.xml')
assert log.contains('data order_status')
assert log.contains("+ row (code=CANCELLED): description 'Cancelled by the customer, it''s \"final\"'")
assert log.contains("~ row (code=NEW): description 'Received, not yet paid' -> 'Received, awaiting payment'")
assert log.contains("- row (code=SHIPPED): description 'Handed to the carrier'")
// the verify after generate, in the same build, passes on the new changelog (the generated changeset pending)
assert log.indexOf('dbdevops: state matches the changelog (7 objects, 1 reference table, 8 changesets') > log.indexOf('wrote changeset')
assert log.contains('BUILD SUCCESS')

def generated = new File(basedir, 'src/main/resources/db/changelog/changes/008-order-status-rows.xml')
def changeSet = new XmlSlurper().parse(generated).changeSet
assert changeSet.@id == '008-order-status-rows'
assert changeSet.delete.@tableName == 'order_status'
assert changeSet.delete.where.text() == "code = 'SHIPPED'"
assert changeSet.update.column.@name == 'description'
assert changeSet.update.column.@value == 'Received, awaiting payment'
assert changeSet.update.where.text() == "code = 'NEW'"
assert changeSet.insert.column*.@name*.text() == ['code', 'description']
assert changeSet.insert.column*.@value*.text() == ['CANCELLED', 'Cancelled by the customer, it\'s "final"']
// the inverse, since Liquibase cannot reverse rows by itself: verify's rollback round trip (DBD602) ran it
assert changeSet.rollback.delete.where.text() == "code = 'CANCELLED'"
assert changeSet.rollback.update.column.@value == 'Received, not yet paid'
assert changeSet.rollback.insert.column*.@value*.text() == ['SHIPPED', 'Handed to the carrier']
assert log.contains('dbdevops lint: 0 errors, 0 warnings, 0 accepted')
assert !log.contains('DBD601') && !log.contains('DBD602')
assert new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json')).result == 'PASSED'
return true

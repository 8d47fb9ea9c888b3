import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('dbdevops: wrote changeset 002-generated to db/changelog/changes/002-generated.xml (2 changes), '
    + 'included from db/changelog/db.changelog-master.xml')
assert log.contains('+ column phone varchar(30) null')
assert log.contains('+ table notes (3 columns)')
// the verify after generate, in the same build, passes on the new changelog
assert log.indexOf('dbdevops: state matches the changelog (2 objects, 2 changesets') > log.indexOf('wrote changeset 002-generated')
assert log.contains('BUILD SUCCESS')

def changelog = new File(basedir, 'src/main/resources/db/changelog')
def generated = new File(changelog, 'changes/002-generated.xml')
assert generated.isFile()
def xml = new XmlSlurper().parse(generated)
def changeSet = xml.changeSet
assert changeSet.size() == 1
assert changeSet.@id == '002-generated'
assert changeSet.@author == 'it'
assert changeSet.addColumn.@tableName == 'customers'
assert changeSet.addColumn.column.@name == 'phone'
assert changeSet.createTable.@tableName == 'notes'
assert changeSet.createTable.column*.@name*.text() == ['id', 'customer_id', 'body']

def master = new File(changelog, 'db.changelog-master.xml').text
assert master.contains('<include file="changes/002-generated.xml" relativeToChangelogFile="true"/>')
assert master.indexOf('changes/001-create-customers.xml') < master.indexOf('changes/002-generated.xml')

assert new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json')).result == 'PASSED'
// generate reads the state, it does not rewrite it
assert new File(basedir, 'src/main/db/schema/tables/customers.yaml').text.contains('name: phone')

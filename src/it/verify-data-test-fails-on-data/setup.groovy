// The example project (7 changesets released) and a pending changeset that passes on an empty shadow but not on a
// database that holds orders: orders.note becomes NOT NULL, and generated orders have notes that are NULL
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def changes = new File(basedir, 'src/main/resources/db/changelog/changes')
new File(changes, '008-note-required.xml').text = '''<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
  <changeSet id="008-note-required" author="orders-team">
    <addNotNullConstraint tableName="orders" columnName="note" columnDataType="VARCHAR(500)"/>
  </changeSet>
</databaseChangeLog>
'''
def master = new File(basedir, 'src/main/resources/db/changelog/db.changelog-master.xml')
master.text = master.text.replace('</databaseChangeLog>',
    '  <include file="changes/008-note-required.xml" relativeToChangelogFile="true"/>\n</databaseChangeLog>')
return true

// Copies the example project's changelog, state and integrity file, then adds a pending changeset that drops orders.note.
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def changes = new File(basedir, "src/main/resources/db/changelog")
new File(changes, "changes/008-drop-order-note.xml").text = """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">

  <changeSet id="008-drop-order-note" author="orders-team">
    <comment>dbdevops:allow DBD103, DBD601 "note moved to order_notes in 1.4; no reader since 1.5 (JIRA-31)"</comment>
    <dropColumn tableName="orders" columnName="note"/>
  </changeSet>
</databaseChangeLog>
"""
def master = new File(changes, "db.changelog-master.xml")
master.text = master.text.replace("</databaseChangeLog>",
    "  <include file=\"changes/008-drop-order-note.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>")
return true

// Copies the example project's changelog, state and integrity file (001-007 released), then adds a pending changeset.
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def changes = new File(basedir, "src/main/resources/db/changelog")
new File(changes, "changes/008-order-coupon.xml").text = """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">

  <changeSet id="008-order-coupon" author="orders-team">
    <addColumn tableName="orders"><column name="coupon_code" type="varchar(20)"/></addColumn>
  </changeSet>
</databaseChangeLog>
"""
def master = new File(changes, "db.changelog-master.xml")
master.text = master.text.replace("</databaseChangeLog>",
    "  <include file=\"changes/008-order-coupon.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>")
return true

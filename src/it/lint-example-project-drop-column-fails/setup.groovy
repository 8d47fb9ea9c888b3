// Copies the example project's changelog, state and integrity file, then adds a pending changeset that drops orders.note.
def example = new File(basedir, "../../../../example-project/src/main")
assert example.isDirectory() : "example project not found at ${example}"
def target = new File(basedir, "src/main").toPath()
java.nio.file.Files.walk(example.toPath()).each { p ->
    def to = target.resolve(example.toPath().relativize(p).toString())
    if (java.nio.file.Files.isDirectory(p)) {
        java.nio.file.Files.createDirectories(to)
    } else {
        java.nio.file.Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }
}
def changes = new File(basedir, "src/main/resources/db/changelog")
new File(changes, "changes/008-drop-order-note.xml").text = """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">

  <changeSet id="008-drop-order-note" author="orders-team">
    <dropColumn tableName="orders" columnName="note"/>
  </changeSet>
</databaseChangeLog>
"""
def master = new File(changes, "db.changelog-master.xml")
master.text = master.text.replace("</databaseChangeLog>",
    "  <include file=\"changes/008-drop-order-note.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>")
return true

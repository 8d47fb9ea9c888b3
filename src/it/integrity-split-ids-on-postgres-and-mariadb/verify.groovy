def log = new File(basedir, 'build.log').text
def runs = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert runs.size() == 6 : "expected six builds in build.log, found ${runs.size()}"
runs.each { assert it.contains('BUILD SUCCESS') }

// PostgreSQL, contexts postgresql
assert runs[0].contains('dbdevops: changesets selected by contexts postgresql, labels none, dbms postgresql')
assert runs[0].contains('dbdevops: integrity: no src/main/db/dbdevops.sum yet, all 3 changesets are pending')
assert runs[0].contains('dbdevops: shadow database: postgresql temporary database')
assert runs[0].contains('dbdevops: state matches the changelog (2 objects, 3 changesets')
assert runs[1].contains('dbdevops: marked 3 changesets as released (3 in total); wrote src/main/db/dbdevops.sum')
assert runs[1].contains('dbdevops:   released 003-customers-email-index by it (db/changelog/changes/003-customers-email-index.xml:9)')
assert runs[2].contains('dbdevops: integrity: 3 changesets released, 0 pending (src/main/db/dbdevops.sum)')

// MariaDB, contexts mysql, its own sum file
assert runs[3].contains('dbdevops: changesets selected by contexts mysql, labels none, dbms mariadb')
assert runs[3].contains('dbdevops: integrity: no src/main/db/mysql.sum yet, all 3 changesets are pending')
assert runs[3].contains('dbdevops: shadow database: mariadb temporary database')
assert runs[3].contains('dbdevops: state matches the changelog (2 objects, 3 changesets')
assert runs[4].contains('dbdevops:   released 002-order-status by it (db/changelog/changes/002-order-status.xml:17)')
assert runs[4].contains('dbdevops:   released 003-customers-email-index by it (db/changelog/changes/003-customers-email-index.xml:15)')
assert runs[5].contains('dbdevops: integrity: 3 changesets released, 0 pending (src/main/db/mysql.sum)')

// same identities, the variants' own checksums
def entries = { String name ->
    new File(basedir, "src/main/db/${name}").readLines('UTF-8').findAll { !it.startsWith('#') && !it.startsWith('h1:') && !it.startsWith('release ') }
        .collect { it.split(' ') }
}
def pg = entries('dbdevops.sum')
def my = entries('mysql.sum')
assert pg.collect { it[1] } == ['001-create-customers', '002-order-status', '003-customers-email-index']
assert my.collect { it[1] } == pg.collect { it[1] }
assert my[0][3] == pg[0][3]
assert my[1][3] != pg[1][3]
assert my[2][3] != pg[2][3]

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] -+< it\.dbdevops:version-goal-prints-classification >-+$/).drop(1)
assert runs.size() == 5
runs.each { assert it.contains('BUILD SUCCESS') }

// contexts=drop: the drop of a released column is MAJOR; 1.3.0-SNAPSHOT is too small
assert runs[0].contains('dbdevops version: MAJOR (1 pending changeset since release 1.2.0)')
assert runs[0].contains('  MAJOR orders.note is dropped by changeset 002-drop-note (db/changelog/changes/002-drop-note.xml:8) '
    + '[DBD103 drop-column]')
assert runs[0].contains('[WARNING] dbdevops version: last release 1.2.0, required next version 2.0.0; the project version '
    + '1.3.0-SNAPSHOT does not meet it: set it to 2.0.0')

// contexts=add: a nullable column and an index are MINOR; 1.3.0-SNAPSHOT meets 1.3.0
assert runs[1].contains('dbdevops version: MINOR (1 pending changeset since release 1.2.0)')
assert runs[1].contains('  MINOR orders.coupon is added (nullable) by changeset 003-add-coupon (db/changelog/changes/003-add-coupon.xml:8)')
assert runs[1].contains('  MINOR orders: index ix_orders_status (status) is added by changeset 003-add-coupon')
assert runs[1].contains('dbdevops version: last release 1.2.0, required next version 1.3.0; the project version 1.3.0-SNAPSHOT meets it')
assert !runs[1].contains('MAJOR')

// contexts=data: a data-only changeset is PATCH
assert runs[2].contains('dbdevops version: PATCH (1 pending changeset since release 1.2.0)')
assert runs[2].contains('  PATCH only data, no schema object, is changed by changeset 004-insert-order '
    + '(db/changelog/changes/004-insert-order.xml:8)')
assert runs[2].contains('required next version 1.2.1; the project version 1.3.0-SNAPSHOT meets it')

// all three: the largest class wins, every change is listed, largest first
def all = runs[3]
assert all.contains('dbdevops version: MAJOR (3 pending changesets since release 1.2.0)')
def major = all.indexOf('  MAJOR orders.note is dropped')
def minor = all.indexOf('  MINOR orders.coupon is added (nullable)')
def patch = all.indexOf('  PATCH only data, no schema object, is changed by changeset 004-insert-order')
assert major > 0 && minor > major && patch > minor
assert all.contains('required next version 2.0.0; the project version 1.3.0-SNAPSHOT does not meet it')

// the last run's report files
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/dbdevops/version.json'))
assert json.level == 'MAJOR' && json.lastRelease == '1.2.0' && json.requiredNext == '2.0.0'
assert json.projectVersion == '1.3.0-SNAPSHOT' && json.meets == false && json.pendingChangesets == 3
assert json.reasons[0] == [level: 'MAJOR', object: 'orders.note', change: 'orders.note is dropped', rule: 'DBD103 drop-column',
    changeset: '002-drop-note', file: 'db/changelog/changes/002-drop-note.xml', line: 8]
assert new File(basedir, 'target/dbdevops/version.md').text.startsWith('# dbdevops version: MAJOR')
assert new File(basedir, 'target/dbdevops/version.html').text.contains('<h1><span class="tool">dbdevops version</span> MAJOR</h1>')
assert all.contains('dbdevops version: report target/dbdevops/version.html')

// the fifth run: the released point from the cache, the same classification
assert runs[4].contains('dbdevops: started from the cached released point (1 changeset)')
assert runs[4].contains('dbdevops version: MAJOR (3 pending changesets since release 1.2.0)')

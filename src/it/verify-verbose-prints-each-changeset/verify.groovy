def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// snapshot and verify each say every changeset, numbered of the 8 the shadow's update selects; verify applies the
// released point (001-007) first, then the pending one, and the numbering goes on across both
def lines = log.readLines().findAll { it.contains('[INFO] dbdevops: applied ') && it.contains(' of 8: ') }
assert lines.size() == 16 : lines.join('\n')
assert lines[0].contains('dbdevops: applied 1 of 8: 001-create-customers by orders-team (db/changelog/changes/001-create-customers.xml, ')
assert lines[8].contains('dbdevops: applied 1 of 8: 001-create-customers by orders-team')
assert lines[15].contains('dbdevops: applied 8 of 8: 008-order-coupon by orders-team (db/changelog/changes/008-order-coupon.xml, ')
assert log.contains('dbdevops: applied 8 changesets')
assert log.contains('dbdevops: state matches the changelog (7 objects, 8 changesets')

def log = new File(basedir, 'build.log').text
// step 3: the changeset and the column, at its file and line
assert log.contains('DBD602 rollback-not-roundtrip: after rolling back changeset 2-coupon-code on its own ' +
    '(<rollbackTest>EACH</rollbackTest>), table orders still has column coupon_code')
assert log.contains('db/changelog/changes/2-coupon-code.xml:')
assert log.count('DBD602 rollback-not-roundtrip') >= 1
assert !log.contains('DBD602 rollback-not-roundtrip: after rolling back the pending changesets')
// step 2 passed: exactly one BUILD SUCCESS for verify before it (snapshot's is the other)
assert log.count('BUILD SUCCESS') == 2
// step 4: the setting named
assert log.contains("<rollbackTest> / -Ddbdevops.rollbackTest: 'SOMETIMES' is not a rollback test (use GROUPED or EACH)")
return true

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('dbdevops: shadow database: postgresql temporary database')
assert log.contains('dbdevops: applied 7 changesets')
assert log.contains('dbdevops: state matches the changelog (7 objects, 1 reference table, 7 changesets')

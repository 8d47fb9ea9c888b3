def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('dbdevops: shadow database: embedded PostgreSQL')
assert log.contains('dbdevops: applied 7 changesets')
assert log.contains('dbdevops: state matches the changelog (7 objects, 7 changesets')

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('dbdevops: applied 7 changesets')
assert log.contains('dbdevops: state matches the changelog (7 objects, 7 changesets')
// the override took: the plugin ran with Liquibase 5
def jars = new File(basedir, '../../local-repo/org/liquibase/liquibase-core')
assert jars.listFiles().any { it.name.startsWith('5.') } : 'liquibase-core 5.x was not resolved'

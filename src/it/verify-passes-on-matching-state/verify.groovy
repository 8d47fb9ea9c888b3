import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('dbdevops: applied 2 changesets')
assert log.contains('dbdevops: state matches the changelog (2 objects, 2 changesets')
assert log.contains('report target/dbdevops/report.html')

def reports = new File(basedir, 'target/dbdevops')
['report.json', 'report.md', 'report.html'].each { name ->
  assert new File(reports, name).isFile() : "missing target/dbdevops/$name"
}
def json = new JsonSlurper().parse(new File(reports, 'report.json'))
assert json.result == 'PASSED'
assert json.goal == 'verify'
assert json.changesetsApplied == 2
assert json.objects.state == 2 && json.objects.shadow == 2
assert json.differences == []
assert json.fix == null
assert new File(reports, 'report.md').text.contains('dbdevops verify: PASSED')
assert new File(reports, 'report.html').text.contains('PASSED')

// a release given to a goal that works on the project's changelog is said, not silently ignored
assert log.contains("[WARNING] dbdevops: -Ddbdevops.release is not read by this goal, which works on the project's own changelog")

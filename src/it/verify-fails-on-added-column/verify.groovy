import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// a failure (the change is wrong), not an error of the build
assert log.contains('MAVEN/MojoFailureException')
assert log.contains('the committed state (src/main/db/schema) differs from what the changelog makes')
assert log.contains('[ERROR]   table orders')
assert log.contains('[ERROR]     + column note varchar(200) null')
assert !log.contains('column customer_name')
assert log.contains('run `mvn dbdevops:snapshot`')
assert log.contains('run `mvn dbdevops:generate`')
assert log.contains('dbdevops: report target/dbdevops/report.html')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.result == 'FAILED'
assert json.differences.size() == 1
def d = json.differences[0]
assert d.object == 'orders' && d.kind == 'table' && d.sign == '+' && d.change == 'ColumnAdded'
assert d.description == 'column note varchar(200) null'
assert json.fix.contains('dbdevops:snapshot')

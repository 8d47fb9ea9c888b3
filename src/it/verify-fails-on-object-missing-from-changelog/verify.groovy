import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoFailureException')
assert log.contains('2 differences in 2 objects')
assert log.contains('[ERROR]     - table legacy_audit')
assert log.contains('[ERROR]     - sequence legacy_seq start 1 increment 1')
// the table the changelog does make is not reported
assert !log.contains('table customers')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.result == 'FAILED'
assert json.differences*.change.sort() == ['SequenceDropped', 'TableDropped']
assert json.differences.every { it.sign == '-' }

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoFailureException')
assert log.contains('the committed state (src/main/db/schema) differs from what the changelog makes: 4 differences in 1 object')
assert log.contains('[ERROR]   data order_status')
// by primary key: the state's value, then the changelog's
assert log.contains("[ERROR]     - row (code=CANCELLED): label 'Cancelled', sort_order 9, final true, note NULL")
assert log.contains("[ERROR]     + row (code=DONE): label 'Delivered', sort_order 10, final true, note NULL")
assert log.contains("[ERROR]     ~ row (code=NEW): label 'Neu' -> 'New'")
// the empty string "" is not NULL
assert log.contains("[ERROR]     ~ row (code=PAID): note '' -> 'card or invoice'")
assert log.contains('run `mvn dbdevops:generate`')

def json = new JsonSlurper().parse(new File(basedir, 'target/dbdevops/report.json'))
assert json.result == 'FAILED'
assert json.differences*.description == ["row (code=CANCELLED): label 'Cancelled', sort_order 9, final true, note NULL",
    "row (code=DONE): label 'Delivered', sort_order 10, final true, note NULL", "row (code=NEW): label 'Neu' -> 'New'",
    "row (code=PAID): note '' -> 'card or invoice'"]
assert json.differences*.kind.unique() == ['data']
assert json.differences*.change == ['RowRemoved', 'RowAdded', 'RowModified', 'RowModified']
assert new File(basedir, 'target/dbdevops/report.md').text.contains("~ row (code=NEW): label 'Neu' -> 'New'")
assert new File(basedir, 'target/dbdevops/report.html').text.contains("row (code=NEW): label &#39;Neu&#39; -&gt; &#39;New&#39;")
return true

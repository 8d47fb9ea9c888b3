// The example project's changelog, state, integrity file and database unit tests (src/test/db)
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def tests = new File(basedir, '../../../../example-project/src/test/db/orders.sql')
new File(basedir, 'src/test/db').mkdirs()
new File(basedir, 'src/test/db/orders.sql').text = tests.text
return true

def log = new File(basedir, 'build.log').text
def first = log.indexOf('dbdevops: state src/main/db/schema: 3 written, 0 unchanged, 0 removed (3 objects)')
def second = log.indexOf('dbdevops: state src/main/db/schema: 0 written, 3 unchanged, 0 removed (3 objects)')
assert first >= 0 : 'the first snapshot did not report 3 files written'
assert second > first : 'the second snapshot did not report every file unchanged'
assert log.indexOf('dbdevops: state matches the changelog (3 objects, 3 changesets') > second

def state = new File(basedir, 'src/main/db/schema')
def files = []
state.eachFileRecurse(groovy.io.FileType.FILES) { files << state.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
assert files.sort() == ['sequences/invoice_number_seq.yaml', 'tables/customers.yaml', 'views/active_customers.yaml']

def customers = new File(state, 'tables/customers.yaml').text
assert customers.startsWith('table: customers\n')
assert customers.contains('  - name: id\n    type: bigint\n    nullable: false\n    identity: true\n')
assert customers.contains('  - name: email\n    type: varchar(255)\n    nullable: false\n')
assert customers.contains('  - name: active\n    type: boolean\n    nullable: false\n    default: "true"\n')
assert customers.contains('primaryKey:\n  - id\n')

def view = new File(state, 'views/active_customers.yaml').text
assert view.startsWith('view: active_customers\n')
assert view.contains('columns:\n  - id\n  - email\n')
assert view.contains('definition: "select id, email from customers where active = true"')

def seq = new File(state, 'sequences/invoice_number_seq.yaml').text
assert seq == 'sequence: invoice_number_seq\nstart: 1000\nincrement: 5\n'

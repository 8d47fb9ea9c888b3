def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoFailureException')
// tables/customers.yaml misspells "nullable" in its first column
assert log.contains("src/main/db/schema/tables/customers.yaml at 'columns[0].nullabel': unknown key "
    + '(allowed: comment, default, identity, name, nullable, type)')
// the state is checked before any database work
assert !log.contains('dbdevops: shadow database')

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoFailureException')
// sequences/customer_no_seq.yaml says "start: one"
// the path is relative to the project, the bad value is quoted
assert log.contains("src/main/db/schema/sequences/customer_no_seq.yaml at 'start': must be a whole number, not 'one'")
assert !log.contains(basedir.absolutePath + '/src/main/db/schema')
assert !log.contains('dbdevops: shadow database')

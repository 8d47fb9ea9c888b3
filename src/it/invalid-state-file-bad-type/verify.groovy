def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('MAVEN/MojoFailureException')
// sequences/customer_no_seq.yaml says "start: one"
def file = new File(basedir, 'src/main/db/schema/sequences/customer_no_seq.yaml').toPath().normalize()
assert log.contains(file.toString() + " at 'start': must be a whole number")
assert !log.contains('dbdevops: shadow database')

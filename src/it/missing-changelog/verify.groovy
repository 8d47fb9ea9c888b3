def log = new File(basedir, 'build.log').text
// paths in messages are relative to the project, and said once (not again with the absolute path of the cause)
def resources = 'src/main/resources'
assert !log.contains(new File(basedir, 'src/main/resources').toPath().normalize().toString() + '/db/changelog/db.changelog-master')
// a configuration problem: an error of the build (MojoExecutionException), not a failure of the change
assert log.count('MAVEN/MojoExecutionException') >= 2
assert !log.contains('MAVEN/MojoFailureException')

// 1: nothing at Spring Boot's default place
assert log.contains('no changelog found: looked for ' + resources + '/db/changelog/db.changelog-master.{xml,yaml,yml,sql}')
assert log.contains('(set <changelog> / -Ddbdevops.changelog to the master changelog, relative to ' + resources + ')')

// 2: the configured changelog does not exist
assert log.contains('changelog not found: ' + resources + '/db/changelog/main.xml')
assert log.contains('(set <changelog> / -Ddbdevops.changelog, relative to <changelogDirectory> ' + resources + ')')

// neither build opened a shadow database
assert !log.contains('dbdevops: shadow database')

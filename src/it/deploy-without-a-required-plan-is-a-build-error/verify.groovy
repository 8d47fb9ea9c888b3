def log = new File(basedir, 'build.log').text
assert log.contains("environment 'prod' has <requirePlan>true</requirePlan>: it deploys only a reviewed plan")
assert log.contains('then deploy it with -Ddbdevops.plan=<planId>')
assert log.contains('Caused by: org.apache.maven.plugin.MojoExecutionException: environment \'prod\' has <requirePlan>')
// refused before any database work: the database it names does not exist and was never asked for
assert !log.contains('dbdevops: shadow database')
assert !log.contains('dbdevops_it_no_such_database" does not exist')
// skipped: both goals say so, the build passes, no plan is written
def skipped = log.substring(log.indexOf('[INFO] dbdevops: skipped (dbdevops.skip=true)'))
assert skipped.count('[INFO] dbdevops: skipped (dbdevops.skip=true)') == 2
assert skipped.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/dbdevops/plan').exists()
return true

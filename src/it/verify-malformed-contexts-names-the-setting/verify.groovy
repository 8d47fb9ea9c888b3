def log = new File(basedir, 'build.log').text
// a setting is wrong: an error of the build (MojoExecutionException), not a failure of the change
assert log.contains('MAVEN/MojoExecutionException')
assert !log.contains('MAVEN/MojoFailureException')
// one message naming the setting, on Maven's one error line (without -e that is all a build shows; the invoker runs
// with -e, so the chained causes follow it here)
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal io.dbdevops:dbdevops-maven-plugin') }
assert error != null
assert error.endsWith("on project verify-malformed-contexts-names-the-setting: the contexts expression '(prod' cannot be "
    + "parsed (Cannot parse expression (prod): fix <contexts> / -Ddbdevops.contexts (or the environment's <contexts>), "
    + "e.g. 'prod and !test' or 'prod, test' -> [Help 1]")
// before anything was read or run
assert !log.contains('dbdevops: integrity')
assert !log.contains('dbdevops: shadow database')

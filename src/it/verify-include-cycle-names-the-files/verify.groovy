def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the change is wrong (a failure), not the build (an error)
assert log.contains('MAVEN/MojoFailureException')
// one message naming the files of the cycle, on Maven's one error line (this is what a build without -e shows) ...
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal io.dbdevops:dbdevops-maven-plugin') }
assert error != null
assert error.endsWith('on project verify-include-cycle-names-the-files: malformed changelog: '
    + 'db/changelog/changes/orders-more.xml: include cycle: db/changelog/changes/orders.xml → '
    + 'db/changelog/changes/orders-more.xml → db/changelog/changes/orders.xml (a changelog may not include itself, '
    + 'directly or through the files it includes; remove one of these includes) -> [Help 1]')
// ... instead of a StackOverflowError with a thousand stack lines: even with -e (the invoker runs with it) the failure
// carries no Liquibase stack
assert !log.contains('StackOverflowError')
assert !(log =~ /(?m)^\s+at liquibase\./)
// nothing was applied: the parse fails before the shadow database opens
assert !log.contains('dbdevops: shadow database')

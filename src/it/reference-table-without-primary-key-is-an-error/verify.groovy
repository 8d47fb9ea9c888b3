def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('[ERROR] Failed to execute goal io.dbdevops:dbdevops-maven-plugin:')
assert log.contains('reference table audit_note has no primary key: its rows are compared and changed by primary key; '
    + 'give it one in the changelog, or take it out of <referenceData>')
// bad input changes nothing: no state was written
assert !new File(basedir, 'src/main/db/schema').exists()
return true

// The example project's changelog, state and integrity file, and two fresh, empty databases on the local MariaDB
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def sql = 'DROP DATABASE IF EXISTS dbdevops_it_tampered; CREATE DATABASE dbdevops_it_tampered; ' +
    'DROP DATABASE IF EXISTS dbdevops_it_release_my; CREATE DATABASE dbdevops_it_release_my'
def p = ['mariadb', '-uroot', '-h127.0.0.1', '-e', sql].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
return true

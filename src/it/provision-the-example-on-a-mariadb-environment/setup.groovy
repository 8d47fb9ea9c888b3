// the example project, and a fresh, empty MariaDB database for the dev environment
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e',
         'DROP DATABASE IF EXISTS dbdevops_it_provision_dev; CREATE DATABASE dbdevops_it_provision_dev'].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
return true

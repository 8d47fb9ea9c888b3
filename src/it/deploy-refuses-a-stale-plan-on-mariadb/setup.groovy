// a fresh MariaDB database for this IT on the local server (root, no password)
def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e',
         'DROP DATABASE IF EXISTS dbdevops_it_plan_stale; CREATE DATABASE dbdevops_it_plan_stale'].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
return true

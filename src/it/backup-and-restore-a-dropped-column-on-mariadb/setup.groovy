def p = ['mariadb', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', '-e',
         'DROP DATABASE IF EXISTS dbdevops_rec_it_backup_mdb; CREATE DATABASE dbdevops_rec_it_backup_mdb'].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
return true

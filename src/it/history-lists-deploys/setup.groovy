// a fresh PostgreSQL database for this IT on the local server
def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c',
         'DROP DATABASE IF EXISTS dbdevops_imp_it_history WITH (FORCE)'].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c',
     'CREATE DATABASE dbdevops_imp_it_history'].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
return true

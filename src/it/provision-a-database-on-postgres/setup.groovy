// no database of this IT's name left by an earlier run
def p = ['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c',
         'DROP DATABASE IF EXISTS dbdevops_it_provision_pg WITH (FORCE)'].execute()
p.waitForProcessOutput(System.out, System.err)
assert p.exitValue() == 0
return true

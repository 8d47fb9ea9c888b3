// Needs both local servers (testing.md). Without them the IT is skipped with the reason, unless CI requires real
// databases (DBDEVOPS_REQUIRE_REAL_DBS=true): then it runs and fails.
def up = { int port ->
    try { new Socket().withCloseable { it.connect(new InetSocketAddress('127.0.0.1', port), 2000) }; return true } catch (IOException e) { return false }
}
if (!(up(5432) && up(3306)) && System.getenv('DBDEVOPS_REQUIRE_REAL_DBS') != 'true') {
    println "SKIPPED: needs PostgreSQL at 127.0.0.1:5432 and MariaDB at 127.0.0.1:3306"
    return false
}
return true

// Needs the local server (testing.md). Without it the IT is skipped with the reason, unless CI requires real
// databases (DBDEVOPS_REQUIRE_REAL_DBS=true): then it runs and fails.
def up = false
try { new Socket().withCloseable { it.connect(new InetSocketAddress('127.0.0.1', 5432), 2000); up = true } } catch (IOException e) { }
if (!up && System.getenv('DBDEVOPS_REQUIRE_REAL_DBS') != 'true') {
    println "SKIPPED: no database server at 127.0.0.1:5432"
    return false
}
return true

// Shared by the ITs that start from the example project: copies its src/main (changelog, committed state written on
// H2, integrity file) into the IT's clone. Called from a setup.groovy with evaluate(...), so `basedir` is the IT's.
def example = new File(basedir, "../../../../example-project/src/main")
assert example.isDirectory() : "example project not found at ${example}"
def target = new File(basedir, "src/main").toPath()
java.nio.file.Files.walk(example.toPath()).each { p ->
    def to = target.resolve(example.toPath().relativize(p).toString())
    if (java.nio.file.Files.isDirectory(p)) {
        java.nio.file.Files.createDirectories(to)
    } else {
        java.nio.file.Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }
}
return true

// Copies the example project's changelog, committed state and integrity file (the state was written on H2).
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

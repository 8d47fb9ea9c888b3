// The changelog and committed state of integrity-context-split-ids-pass (no integrity file: this IT writes its own).
def from = new File(basedir, '../../../../src/it/integrity-context-split-ids-pass/src')
assert from.isDirectory() : "not found: ${from}"
def target = new File(basedir, 'src').toPath()
java.nio.file.Files.walk(from.toPath()).each { p ->
    def to = target.resolve(from.toPath().relativize(p).toString())
    if (java.nio.file.Files.isDirectory(p)) {
        java.nio.file.Files.createDirectories(to)
    } else {
        java.nio.file.Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }
}
return true

// Shared by the secrets-never-appear-* ITs, evaluated from their verify.groovy with `secrets` (the passwords) and
// `allowed` (a closure: true for a log line Maven itself prints, the only kind a password may appear in) bound.
// Scans build.log line by line and every file under target/ (zip entries too) for each password: plain, URL-encoded
// (+ and %20 for a space) and base64 (standard and URL-safe, with and without padding). Returns what it found.
import java.nio.charset.StandardCharsets
import java.util.zip.ZipInputStream

def spellings = { String s ->
    def bytes = s.getBytes(StandardCharsets.UTF_8)
    def form = URLEncoder.encode(s, 'UTF-8')
    def b64 = Base64.encoder.encodeToString(bytes)
    def b64url = Base64.urlEncoder.encodeToString(bytes)
    [plain: s, 'url-encoded': form, 'url-encoded %20': form.replace('+', '%20'), base64: b64,
     'base64 unpadded': b64.replaceAll(/=+$/, ''), 'base64 url-safe': b64url, 'base64 url-safe unpadded': b64url.replaceAll(/=+$/, '')]
}
def found = []
def allowedLines = []
def scan = { String where, String text ->
    secrets.each { secret ->
        spellings(secret).each { kind, form ->
            text.eachLine { line, n ->
                if (line.contains(form)) {
                    if (where == 'build.log' && allowed(line)) {
                        allowedLines << line
                    } else {
                        found << "${where}:${n + 1}: ${kind} '${secret}': ${line.take(300)}"
                    }
                }
            }
        }
    }
}
scan('build.log', new File(basedir, 'build.log').getText('UTF-8'))
def target = new File(basedir, 'target')
def files = 0
target.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    files++
    def name = target.toPath().relativize(f.toPath()).toString()
    scan("target/${name}", new String(f.bytes, StandardCharsets.ISO_8859_1))
    scan("target/${name} (UTF-8)", f.getText('UTF-8'))
    if (name.endsWith('.zip') || name.endsWith('.jar')) {
        new ZipInputStream(f.newInputStream()).withCloseable { zip ->
            for (def e = zip.nextEntry; e != null; e = zip.nextEntry) {
                scan("target/${name}!${e.name}", new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1))
            }
        }
    }
}
println "scan-secrets: ${secrets.size()} passwords, build.log and ${files} files under target/; " +
        "${allowedLines.size()} lines of Maven's own parameter dump allowed"
return [found: found, allowed: allowedLines, files: files]

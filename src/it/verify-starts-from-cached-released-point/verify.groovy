// The released point (001, proved by dbdevops.sum) is saved by the first build and restored by the next: only the
// pending 002 is applied, and the result is the same with and without the cache.
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert runs.size() == 3 : "expected three builds in build.log, found ${runs.size()}"
def (saved, restored, uncached) = runs

assert saved.contains('dbdevops: cache: saved the released point (1 changeset) for the next build')
assert !saved.contains('started from the cached released point')
assert restored.contains('dbdevops: started from the cached released point (1 changeset) in ')
assert restored.contains('dbdevops: applied 1 changeset in ')
assert !restored.contains('dbdevops: cache: saved')
assert !uncached.contains('dbdevops: cache:') && !uncached.contains('cached released point')
assert uncached.contains('dbdevops: applied 2 changesets in ')

// the same outcome each time: state, counts and the finding
def outcome = { String run ->
  run.readLines().findAll { it.contains('state matches the changelog') || it.contains('[ERROR] DBD103') || it.contains('dbdevops lint: ') }
      .collect { it.replaceAll(/\d+ ms/, 'N ms') }
}
assert outcome(saved).any { it.contains('[ERROR] DBD103 drop-column: orders.note') } : outcome(saved)
assert outcome(restored) == outcome(saved)
assert outcome(uncached) == outcome(saved)
assert saved.contains('dbdevops: state matches the changelog (1 object, 2 changesets, ')

// one image entry; checksums/ is the checksum cache beside it
def entries = new File(basedir, 'target/dbdevops-cache').listFiles().findAll { it.isDirectory() && it.name != 'checksums' }
assert new File(basedir, 'target/dbdevops-cache/checksums').listFiles().any { it.name.endsWith('.tsv') }
assert entries.size() == 1 : entries
assert new File(entries[0], 'manifest.txt').text.contains('image.sql ')

def log = new File(basedir, 'build.log').text
def skipped = log.indexOf('[INFO] dbdevops: skipped (dbdevops.skip=true)')
assert skipped >= 0
// the first build, without the skip, failed on the missing table
assert log.indexOf('+ table refunds') in 0..<skipped
// the skipped build opens no shadow database and writes no report, and passes
def afterSkip = log.substring(skipped)
assert !afterSkip.contains('dbdevops: shadow database')
assert afterSkip.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/dbdevops').exists()

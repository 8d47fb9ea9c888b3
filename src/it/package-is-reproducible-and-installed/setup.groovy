// The example project's changelog, state and integrity file; the application's own properties hold a password that
// must not travel in the release.
evaluate(new File(basedir, '../../../../src/it/_shared/copy-example.groovy'))
new File(basedir, 'src/main/resources/application.properties').text =
    'spring.datasource.password=app-password-not-for-the-release\n'
return true

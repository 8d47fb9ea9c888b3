def log = new File(basedir, 'build.log').text
def first = log.indexOf('dbdevops: state src/main/db/schema: 2 written, 0 unchanged, 0 removed (1 object, 1 reference table)')
def second = log.indexOf('dbdevops: state src/main/db/schema: 0 written, 2 unchanged, 0 removed (1 object, 1 reference table)')
assert first >= 0 : 'the first snapshot did not report the table file and the CSV written'
assert second > first : 'the second snapshot did not report every file unchanged'
assert log.indexOf('dbdevops: state matches the changelog (1 object, 1 reference table, 2 changesets') > second

def csv = new File(basedir, 'src/main/db/schema/data/order_status.csv').text
// header = columns in table order; rows by primary key; NULL is an empty unquoted field; RFC 4180 quoting
assert csv == 'code,label,sort_order,final,note\n' +
    'DONE,Delivered,10,true,\n' +
    'NEW,New,1,false,\n' +
    'PAID,"Paid, not shipped",2,false,card or invoice\n'
return true

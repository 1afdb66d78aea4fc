"""Counts the statements of two MariaDB general logs by shape (literals as ?), most added first.
Usage: python3 sql_shapes.py ours.log bare.log [rows]"""
import re,sys,collections
def shapes(path):
    c=collections.Counter()
    cur=None
    for line in open(path,errors='replace'):
        m=re.match(r'^(?:\d{6}\s+[\d:]+\s+|\s+)(\d+)\s+(Query|Execute|Prepare)\s+(.*)$', line)
        if m:
            if cur: c[norm(cur)]+=1
            cur=m.group(3)
        elif re.match(r'^(?:\d{6}\s+[\d:]+\s+|\s+)\d+\s+\w+',line):
            if cur: c[norm(cur)]+=1
            cur=None
        elif cur is not None:
            cur+=' '+line.strip()
    if cur: c[norm(cur)]+=1
    return c
def norm(s):
    s=re.sub(r"'(?:[^'\\]|\\.)*'","?",s)
    s=re.sub(r"\b\d+(\.\d+)?\b","?",s)
    s=re.sub(r"\s+"," ",s).strip()
    s=re.sub(r"\(\?(, ?\?)*\)","(?..)",s)
    return s[:150]
o=shapes(sys.argv[1]); b=shapes(sys.argv[2])
print('statements: ours', sum(o.values()), 'bare', sum(b.values()))
print('  ours   bare  added  shape')
keys=set(o)|set(b)
diff=sorted(keys,key=lambda k:-(o[k]-b[k]))
for k in diff[:int(sys.argv[3]) if len(sys.argv) > 3 else 40]:
    print(f"{o[k]:6d} {b[k]:6d} {o[k]-b[k]:+6d}  {k}")

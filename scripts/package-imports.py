#!/usr/bin/env python3
"""Prints the import arrows between the top-level packages of adapter-war (vn.lienthong.adapter.<package>)
and the pairs that import each other. Usage: scripts/package-imports.py [source-root]"""
import os, re, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'adapter-war/src/main/java')
base = 'vn.lienthong.adapter.'
arrows = collections.defaultdict(set)
ref = re.compile(r'\b' + re.escape(base) + r'(\w+)\.([\w.]*[A-Z]\w*)')
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith('.java'): continue
        text = open(os.path.join(d, f), encoding='utf-8').read()
        m = re.search(r'^package\s+' + re.escape(base) + r'(\w+)', text, re.M)
        if not m: continue
        src = m.group(1)
        for line in text.splitlines():
            if line.startswith('package '): continue
            for t in ref.finditer(line):
                if t.group(1) != src:
                    arrows[(src, t.group(1))].add(f[:-5] + ' -> ' + t.group(2).split('.')[-1])
pairs = sorted(arrows)
print(f'{len(pairs)} package import arrows')
for a, b in pairs: print(f'  {a} -> {b}  ({len(arrows[(a, b)])})')
mutual = sorted({tuple(sorted(p)) for p in pairs if (p[1], p[0]) in arrows})
print(f'{len(mutual)} pairs importing each other')
for a, b in mutual:
    print(f'  {a} <-> {b}: ' + '; '.join(sorted(arrows[(a, b)])[:3]) + ' | ' + '; '.join(sorted(arrows[(b, a)])[:3]))

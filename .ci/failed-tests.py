#!/usr/bin/env python3
"""Prints every failed or errored test case found in the build's surefire/failsafe XML reports, with the first
lines of its message, so a CI log that keeps only its tail still names the culprit."""
import pathlib
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
for report in sorted(root.glob("**/target/*-reports/**/TEST-*.xml")):
    try:
        suite = ET.parse(report).getroot()
    except ET.ParseError as e:
        print(f"{report}: unreadable report ({e})")
        continue
    for case in suite.iter("testcase"):
        for kind in ("failure", "error"):
            for problem in case.findall(kind):
                message = (problem.get("message") or problem.text or "").strip().splitlines()[:6]
                print(f"{kind.upper()} {case.get('classname')}.{case.get('name')} ({report.parent.name})")
                for line in message:
                    print(f"    {line[:300]}")

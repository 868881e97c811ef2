#!/usr/bin/env python3
"""Hot methods of a JFR recording (JDK 17 has no `jfr view`): reads `jfr print --json` of the
jdk.ExecutionSample events and prints the top frames by self samples and the io.nextbest
methods by inclusive samples, optionally only for threads whose name contains a filter.

    bench/jfr-hot.py bench/results/<file>.jfr [thread-name-filter]
"""
import collections
import json
import subprocess
import sys

path = sys.argv[1]
thread_filter = sys.argv[2] if len(sys.argv) > 2 else ""
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]
self_counts, inclusive, total = collections.Counter(), collections.Counter(), 0
for e in events:
    v = e["values"]
    thread = (v.get("sampledThread") or {}).get("javaName") or ""
    if thread_filter not in thread:
        continue
    frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in v["stackTrace"]["frames"]]
    if not frames:
        continue
    total += 1
    self_counts[frames[0]] += 1
    for f in set(frames):
        if f.startswith("io.nextbest"):
            inclusive[f] += 1
print(f"{total} samples" + (f" on threads matching '{thread_filter}'" if thread_filter else ""))
print("\ntop frames (self):")
for f, n in self_counts.most_common(20):
    print(f"  {100.0 * n / total:5.1f} %  {f}")
print("\nio.nextbest methods (inclusive):")
for f, n in inclusive.most_common(25):
    print(f"  {100.0 * n / total:5.1f} %  {f}")

"""Summarises JFR execution samples (jfr print --json) read from stdin: where the CPU went.

Prints the share of samples by top frame (self time), by the first frame of the project's own code
on the stack (dev.chatplatform, inclusive), and by library package of the top frame.
"""
import json
import sys
from collections import Counter

name = sys.argv[1] if len(sys.argv) > 1 else "profile"
events = json.load(sys.stdin)["recording"]["events"]
top, ours, packages = Counter(), Counter(), Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    if not frames:
        continue
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    top[names[0]] += 1
    packages[".".join(names[0].split(".")[:3])] += 1
    own = next((n for n in names if n.startswith("dev.chatplatform.")), "(no project frame: framework or JDK threads)")
    ours[own] += 1
samples = sum(top.values())
total = samples or 1


def show(title, counter, n):
    print(f"## {title}")
    for key, count in counter.most_common(n):
        print(f"{100.0 * count / total:5.1f}%  {key}")
    print()


print(f"# {name}: {samples} CPU samples")
print()
show("By top frame (self)", top, 20)
show("By package of the top frame", packages, 15)
show("By the innermost project method on the stack (inclusive)", ours, 20)

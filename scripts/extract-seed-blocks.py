#!/usr/bin/env python3
"""Extract every JSON block of the sysadm iocage API page into test resources.

Blocks are classified by their content, not by the bold label above them: the
page labels some blocks wrongly (cleanreleases shows "REST Request" over a
WebSocket request and over a response).

usage: scripts/extract-seed-blocks.py ../shared/seed/iocage-api.rst src/test/resources/seed
"""
import json, os, sys

src, out = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().split("\n")
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    if f.endswith(".json"):
        os.remove(os.path.join(out, f))

blocks, i = [], 0
while i < len(lines):
    line = lines[i].strip()
    rest = False
    if line.startswith("PUT /sysadm/iocage"):
        rest = True
        i += 1
        line = lines[i].strip()
    if line == "{":
        depth, buf = 0, []
        while True:
            t = lines[i]
            depth += t.count("{") - t.count("}")
            buf.append(t)
            i += 1
            if depth == 0:
                break
        blocks.append((rest, json.loads("\n".join(buf))))
        continue
    i += 1

count = {}
for n, (rest, obj) in enumerate(blocks, 1):
    if "namespace" in obj and obj.get("name") == "iocage":
        kind, action = "ws-request", obj["args"]["action"]
    elif "namespace" in obj and obj.get("name") == "response":
        kind, action = "ws-response", next(iter(obj["args"]))
    elif "action" in obj:
        kind, action = "rest-request", obj["action"]
    else:
        kind, action = "rest-response", next(iter(obj["args"]))
    name = f"{n:02d}-{action}-{kind}.json"
    with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    count[action] = count.get(action, 0) + 1
print(len(blocks), "blocks;", len(count), "actions:", ", ".join(f"{a}={c}" for a, c in sorted(count.items())))

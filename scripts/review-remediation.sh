#!/usr/bin/env bash
# Records a reviewed state of the remediation scripts: writes resources/remediation/manifest.json from
# manifest.in.json with the SHA-256 of the prelude and of every script. Run it only after reviewing the
# script changes; the app refuses any script whose hash does not match the manifest.
set -euo pipefail
dir=$(cd "$(dirname "$0")/../resources/remediation" && pwd)
python3 - "$dir" <<'PY'
import hashlib, json, sys, os
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.in.json"), encoding="utf-8"))
h = lambda f: hashlib.sha256(open(os.path.join(d, f), "rb").read()).hexdigest()
m["prelude"]["sha256"] = h(m["prelude"]["file"])
for s in m["scripts"]:
    s["sha256"] = h(s["file"])
out = os.path.join(d, "manifest.json")
with open(out + ".tmp", "w", encoding="utf-8") as f:
    json.dump(m, f, ensure_ascii=False, indent=2)
    f.write("\n")
os.replace(out + ".tmp", out)
print("manifest.json: %d scripts reviewed" % len(m["scripts"]))
PY

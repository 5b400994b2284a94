"""A fresh process whose first text names nothing known must not crash.

The gazetteer feature tables are built lazily, when the first known name is met. A process
that started with a text without one ("Hujan turun.") crashed with an IndexError in the
feature batch (found in session 5). Only a new interpreter shows it: the suite's own process
has long since met names.
"""
from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
from telaah.analyze import analyze_texts
texts = json.loads(sys.argv[1])
d = analyze_texts(texts)
ids = [a["id"] for a in d["articles"]]
print(json.dumps([sum(1 for e in d["entities"] for m in e["mentions"] if m["article"] == i) for i in ids]))
"""


def test_first_batch_without_known_names():
    # one new interpreter (model loading takes seconds): a first text with no known name,
    # then one with names, which builds the tables the first one lacked
    texts = ["Hujan turun.", "Presiden Joko Widodo berkunjung ke Surabaya, Jawa Timur."]
    run = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(texts)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    counts = json.loads(run.stdout.strip().splitlines()[-1])
    assert counts[0] == 0 and counts[1] >= 2

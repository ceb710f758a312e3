#!/usr/bin/env python3
"""The floor an import is measured against (BENCHMARKS.md, issue 34): every line of a JSON Lines
file inserted as a text row in one SQLite transaction, in WAL mode, with no parsing at all.

    python3 scripts/import-floor.py /tmp/floor.sqlite big.jsonl   # prints seconds
"""
import os
import sqlite3
import sys
import time

path, jsonl = sys.argv[1], sys.argv[2]
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
start = time.time()
db = sqlite3.connect(path)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE record (id INTEGER PRIMARY KEY, document TEXT NOT NULL)")
with open(jsonl, encoding="utf-8") as f, db:
    db.executemany("INSERT INTO record (document) VALUES (?)", ((line,) for line in f))
db.close()
print(f"{time.time() - start:.2f}")

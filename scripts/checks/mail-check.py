#!/usr/bin/env python3
"""Parses mail messages with Python's own `email` package, as a mail reader would.

Usage: mail-check.py FILE...  Prints one JSON line per file: its headers as decoded, every
leaf part (type, charset, file name, text or base64 of its bytes), the longest line and
whether any line ends otherwise than CRLF; exits 1 if a file does not parse or a parser
reports a defect. Run by the Swift tests (MailMessageTests) from the virtual environment
.ci/run creates.
"""
import base64
import json
import sys
from email import policy
from email.parser import BytesParser

failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        raw = handle.read()
    lines = raw.split(b"\r\n")
    bare = any(b"\n" in line or b"\r" in line for line in lines)
    message = BytesParser(policy=policy.default).parsebytes(raw)
    defects = [str(d) for d in message.defects]
    parts = []
    for part in message.walk():
        defects += [str(d) for d in part.defects]
        if part.is_multipart():
            continue
        entry = {
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "filename": part.get_filename(),
        }
        if part.get_content_maintype() == "text" and part.get_filename() is None:
            entry["text"] = part.get_content()
        else:
            entry["base64"] = base64.b64encode(part.get_payload(decode=True)).decode()
        parts.append(entry)
    report = {
        "file": path,
        "from": [[a.display_name, a.addr_spec] for a in message["From"].addresses],
        "to": [[a.display_name, a.addr_spec] for a in message["To"].addresses],
        "subject": str(message["Subject"]),
        "date": str(message["Date"]),
        "messageID": str(message["Message-ID"]),
        "autoSubmitted": str(message["Auto-Submitted"]),
        "headers": sorted(set(message.keys())),
        "parts": parts,
        "longestLine": max(len(line) for line in lines),
        "longestHeaderLine": max(len(line) for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")),
        "bareLineBreaks": bare,
        "defects": defects,
    }
    if defects:
        failed = True
    print(json.dumps(report, ensure_ascii=False))
sys.exit(1 if failed else 0)

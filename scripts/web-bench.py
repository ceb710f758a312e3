#!/usr/bin/env python3
"""Times every page of `ngomatch web`, many times each, on one keep-alive connection.

Usage: web-bench.py BASE_URL [REQUESTS_PER_PAGE]
The server runs in release mode on a large registry (scripts/web-bench.sh makes one).
Prints a Markdown table: page, median and 99th percentile in milliseconds, and bytes.
Times are measured at the client over loopback, so they include the (small) transport.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

base = urllib.parse.urlparse(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
connection = http.client.HTTPConnection(base.hostname, base.port)
cookie = None


def fetch(path):
    global cookie
    headers = {"Cookie": cookie} if cookie else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.getheader("Set-Cookie"):
        cookie = response.getheader("Set-Cookie").split(";")[0]
    return response.status, body


def first(html, marker):
    start = html.index(marker) + len(marker)
    return html[start:html.index('"', start)]


# Pick a busy province, one of its needs and an NGO from the pages themselves.
_, home = fetch("/")
home = home.decode()
province = first(home, '/needs?province=')
_, needs = fetch(f"/needs?province={province}&status=any")
need = first(needs.decode(), '<h2><a href="/needs/')
_, ngos = fetch("/ngos")
ngo = first(ngos.decode(), 'href="/ngos/')
pages = [
    ("start page (34 units, open needs)", "/"),
    ("a province's needs with best NGOs", f"/needs?province={province}"),
    ("all open needs, page 1", "/needs"),
    ("a need: ranked NGOs, factors, removed", f"/needs/{need}"),
    ("a need under another rule set", f"/needs/{need}?rules=climate"),
    ("register a need (form)", "/needs/new"),
    ("edit a need (form)", f"/needs/{need}/edit"),
    ("an NGO's profile", f"/ngos/{ngo}"),
    ("needs an NGO could serve", f"/ngos/{ngo}/needs"),
    ("new matching needs", f"/ngos/{ngo}/new"),
    ("edit an NGO's profile (form)", f"/ngos/{ngo}/edit"),
    ("NGO search", "/ngos?q=health"),
    ("ministry dashboard: map, sectors, weak needs", "/dashboard"),
    ("dashboard: NGOs per need in health", "/dashboard?measure=ngosPerNeed&sector=health"),
    ("the coverage map as an SVG file", "/dashboard/map.svg?measure=fundingGap"),
    ("NGO directory: certificates expiring in 90 days", "/ngos?expiring=90&sort=expiry"),
    ("needs directory: search, region, order", "/needs?q=water&region=mekong-delta&sort=funding&status=any"),
    ("needs directory as CSV (all open needs)", "/needs.csv?status=open"),
    ("what-if: a need under two rule sets", f"/rules/compare?need={need}&before=default&after=climate"),
    ("event page with the master grid (34 × 300 × 12)", "/events/large"),
    ("the whole schedule, printable", "/events/large/agenda"),
    ("every agenda and calendar as a zip", "/events/large/agendas.zip"),
]
rows = []
for label, path in pages:
    status, body = fetch(path)
    assert status == 200, (path, status)
    times = []
    for _ in range(count):
        started = time.perf_counter()
        fetch(path)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    rows.append((label, path, statistics.median(times), p99, len(body)))

print("| page | path | p50 ms | p99 ms | bytes |")
print("|---|---|---:|---:|---:|")
for label, path, p50, p99, size in rows:
    print(f"| {label} | `{path}` | {p50:.1f} | {p99:.1f} | {size:,} |")
print(json.dumps({"worst_p50": max(r[2] for r in rows), "worst_p99": max(r[3] for r in rows)}))

#!/usr/bin/env python3
"""Builds seeds/admin/map.tsv from ../shared/reference/admin-units/provinces-2026.geojson (issue 16).

Usage: scripts/build-map.py [REFERENCE_DIR]
Writes seeds/admin/map.tsv: a header line `viewBox<TAB>0 0 W H`, then one line per unit:
its GSO code and an SVG path (`d`) in that view box.

The projection is equirectangular with longitudes shrunk by the cosine of the middle
latitude, which keeps Vietnam's shape within a few per cent at this scale; coordinates are
rounded to a tenth of a pixel and written relative to the previous point, so the map stays
small enough to inline in a page. The boundaries are thanglequoc/vietnamese-provinces-database's
(MIT), already simplified to about 1 km; see seeds/README.md for the attribution.
"""
import json
import math
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
reference = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "reference", "admin-units")
source = os.path.join(reference, "provinces-2026.geojson")
out = os.path.join(root, "seeds", "admin", "map.tsv")

WIDTH = 600.0

with open(source, encoding="utf-8") as handle:
    features = json.load(handle)["features"]


def rings(geometry):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


points = [point for feature in features for ring in rings(feature["geometry"]) for point in ring]
west = min(x for x, _ in points)
east = max(x for x, _ in points)
south = min(y for _, y in points)
north = max(y for _, y in points)
shrink = math.cos(math.radians((north + south) / 2))
scale = WIDTH / ((east - west) * shrink)
height = math.ceil((north - south) * scale)


def project(point):
    x, y = point
    return round((x - west) * shrink * scale * 10), round((north - y) * scale * 10)


def number(tenths):
    text = f"{tenths / 10:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith("0.") else text.replace("-0.", "-.", 1)


def path(feature):
    parts = []
    for ring in rings(feature["geometry"]):
        projected = []
        for point in ring:
            p = project(point)
            if not projected or p != projected[-1]:
                projected.append(p)
        if len(projected) < 4:
            continue
        first = projected[0]
        parts.append(f"M{number(first[0])} {number(first[1])}")
        moves = []
        for previous, current in zip(projected, projected[1:]):
            dx, dy = current[0] - previous[0], current[1] - previous[1]
            moves.append(f"{number(dx)} {number(dy)}")
        parts.append("l" + " ".join(moves) + "z")
    return "".join(parts)


lines = [f"viewBox\t0 0 {int(WIDTH)} {height}"]
for feature in sorted(features, key=lambda f: f["properties"]["code"]):
    lines.append(f"{feature['properties']['code']}\t{path(feature)}")
with open(out, "w", encoding="utf-8", newline="\n") as handle:
    handle.write("\n".join(lines) + "\n")
print(f"{out}: {len(features)} units, {os.path.getsize(out):,} bytes, view box {int(WIDTH)}×{height}")

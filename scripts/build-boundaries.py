#!/usr/bin/env python3
"""Writes seeds/admin/boundaries.tsv from ../shared/reference/admin-units/provinces-2026.geojson.

One line per unit: its GSO code, a tab, then its polygons separated by ';', each polygon's
rings separated by '|', each ring as 'longitude,latitude' pairs separated by spaces. The
coordinates are kept as the source gives them (simplified to about 1 km, three decimals),
so that a point can be placed in its unit (IATI `point/pos`) without a GIS library.

Source: thanglequoc/vietnamese-provinces-database, json/geojson, MIT (seeds/admin/LICENSE.thanglequoc).
"""
import json
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent.parent
source = here.parent / "shared/reference/admin-units/provinces-2026.geojson"
target = here / "seeds/admin/boundaries.tsv"


def ring(points):
    return " ".join(f"{lon:g},{lat:g}" for lon, lat in points)


def main():
    collection = json.loads(source.read_text(encoding="utf-8"))
    lines = []
    for feature in sorted(collection["features"], key=lambda f: f["properties"]["code"]):
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        text = ";".join("|".join(ring(r) for r in polygon) for polygon in polygons)
        lines.append(f"{feature['properties']['code']}\t{text}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target}: {len(lines)} units", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Converts Natural Earth's 1:110m country boundaries, as TopoJSON from the npm
# package world-atlas, into data/map/world-110m.bin: the compact, projected and
# quantised outlines that ChronicleWorldMap draws. Run it by hand when the
# source data changes; the output is committed (data/map/README.md).
#
#   mkdir /tmp/wa && (cd /tmp/wa && npm install world-atlas@2)
#   build-aux/make-world-map.py /tmp/wa/node_modules/world-atlas/countries-110m.json \
#       /usr/share/iso-codes/json/iso_3166-1.json data/map/world-110m.bin
#
# What it does:
#  1. Decodes the TopoJSON arcs (delta-encoded, quantised) into longitude/latitude.
#  2. Names each country by its ISO 3166-1 alpha-2 code (world-atlas uses the
#     numeric code; iso-codes maps one to the other). Three areas have no
#     numeric code: Kosovo gets the user-assigned code XK, Northern Cyprus and
#     Somaliland are drawn as part of CY and SO, as ISO 3166 lists them.
#     Antarctica is left out: it would take a fifth of the map for few stories.
#  3. Cuts the rings that cross the antimeridian (Russia, Fiji) in two.
#  4. Projects with the Natural Earth projection (Šavrič, Jenny, Patterson,
#     Petrovič and Hurni, 2011), which keeps the poles short and shapes familiar.
#  5. Quantises to a grid of 8192 units across the map (about 0.05° at the
#     equator, finer than the 1:110m data), drops points that fall on the same
#     grid cell and rings that collapse to less than a triangle.
#
# File format (all integers little-endian), version 1:
#   char[4] "CHWM"   magic
#   u16     version (1)
#   u16     number of countries
#   u16     grid width, u16 grid height (units)
#   i32     x of the grid's left edge, y of its top edge, in projected
#           units times 1e6 (the projection of (lon, lat) in radians)
#   i32     grid units per projected unit, times 1e3
#   then, per country, sorted by code:
#     char[2] ISO 3166-1 alpha-2 code
#     u16     number of rings
#     per ring: u16 number of points, then points as u16 x, u16 y
#               (y grows downwards; rings are closed implicitly)
# A country's rings are filled together with the even-odd rule, so lakes and
# enclaves (Lesotho inside South Africa) stay holes.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import math
import struct
import sys

GRID_WIDTH = 8192
MAGIC = b"CHWM"
VERSION = 1

# Areas without an ISO 3166-1 numeric code in Natural Earth.
UNNUMBERED = {
    "Kosovo": "XK",
    "N. Cyprus": "CY",
    "Somaliland": "SO",
}
LEFT_OUT = {"AQ"}


def natural_earth(lon, lat):
    """The Natural Earth projection of (lon, lat) in degrees; unit sphere."""
    lam = math.radians(lon)
    phi = math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.870700 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    translate_x, translate_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their end points.
        points.extend(arc if not points else arc[1:])
    return points


def clip(ring, keep, edge):
    """Sutherland–Hodgman: the part of @ring where keep(lon) holds, cut at lon = @edge."""
    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if keep(current[0]) != keep(previous[0]):
            t = (edge - previous[0]) / (current[0] - previous[0])
            out.append((edge, previous[1] + t * (current[1] - previous[1])))
        if keep(current[0]):
            out.append(current)
    return out


def split_at_antimeridian(ring):
    """Rings that cross ±180° (Russia's Chukotka, Fiji) as pieces on either side."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(ring, ring[1:])):
        return [ring]
    # Make the longitudes continuous, then cut the ring into the copies of the
    # world to the west, in the middle and to the east, and shift them back.
    unwrapped = [ring[0]]
    offset = 0
    for lon, lat in ring[1:]:
        lon += offset
        if lon - unwrapped[-1][0] > 180:
            offset -= 360
            lon -= 360
        elif lon - unwrapped[-1][0] < -180:
            offset += 360
            lon += 360
        unwrapped.append((lon, lat))
    pieces = []
    for shift in (-360, 0, 360):
        piece = [(lon + shift, lat) for lon, lat in unwrapped]
        piece = clip(piece, lambda lon: lon >= -180, -180)
        piece = clip(piece, lambda lon: lon <= 180, 180)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("topojson", help="countries-110m.json from world-atlas")
    parser.add_argument("iso_codes", help="iso_3166-1.json from iso-codes")
    parser.add_argument("output", help="the .bin file to write")
    args = parser.parse_args()

    with open(args.topojson, encoding="utf-8") as f:
        topology = json.load(f)
    with open(args.iso_codes, encoding="utf-8") as f:
        alpha2_of = {e["numeric"]: e["alpha_2"] for e in json.load(f)["3166-1"]}

    arcs = decode_arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        code = alpha2_of.get(geometry.get("id")) or UNNUMBERED.get(name)
        if code is None:
            sys.exit(f"No ISO 3166-1 code for {name!r} ({geometry.get('id')})")
        if code in LEFT_OUT:
            continue
        rings = countries.setdefault(code, [])
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for piece in split_at_antimeridian(ring_points(ring, arcs)):
                    rings.append([natural_earth(lon, lat) for lon, lat in piece])

    # The frame: the full width of the projection, the height of the data.
    left, _ = natural_earth(-180, 0)
    right, _ = natural_earth(180, 0)
    ys = [y for rings in countries.values() for ring in rings for _, y in ring]
    top, bottom = max(ys), min(ys)
    # Round the frame to what the header stores, so that the reader inverts
    # exactly what was written.
    left, top = round(left * 1e6) / 1e6, round(top * 1e6) / 1e6
    units = math.floor((GRID_WIDTH - 1) / (right - left) * 1e3) / 1e3
    grid_height = int(math.ceil((top - bottom) * units)) + 1

    out = bytearray()
    n_points = 0
    for code in sorted(countries):
        quantised = []
        for ring in countries[code]:
            points = []
            for x, y in ring:
                point = (round((x - left) * units), round((top - y) * units))
                if not points or points[-1] != point:
                    points.append(point)
            while len(points) > 1 and points[0] == points[-1]:
                points.pop()
            if len(set(points)) >= 3:
                quantised.append(points)
        if not quantised:
            sys.exit(f"{code} has no ring left after quantising")
        out += code.encode("ascii") + struct.pack("<H", len(quantised))
        for points in quantised:
            out += struct.pack("<H", len(points))
            for x, y in points:
                out += struct.pack("<HH", x, y)
            n_points += len(points)

    header = MAGIC + struct.pack("<HHHHiii", VERSION, len(countries), GRID_WIDTH, grid_height,
                                 round(left * 1e6), round(top * 1e6), round(units * 1e3))
    with open(args.output, "wb") as f:
        f.write(header + out)
    print(f"{args.output}: {len(countries)} countries, {n_points} points, "
          f"{len(header) + len(out)} bytes, grid {GRID_WIDTH}×{grid_height}")


if __name__ == "__main__":
    main()

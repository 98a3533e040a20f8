#!/usr/bin/env bash
# Vendor the dashboard's third-party files from the npm registry into eventcoder/static/vendor/:
# Leaflet (BSD-2-Clause) and the Natural Earth country shapes of world-atlas (ISC), converted
# from TopoJSON to GeoJSON with topojson-client (ISC), coordinates rounded to 0.01 degree.
# The outputs are committed, so a clone works offline; run this only to upgrade them.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4 WORLD_ATLAS=2.0.2 TOPOJSON_CLIENT=3.1.0
OUT=eventcoder/static/vendor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
( cd "$WORK" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund \
    "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" )
mkdir -p "$OUT"
cp "$WORK/node_modules/leaflet/dist/leaflet.js" "$WORK/node_modules/leaflet/dist/leaflet.css" "$OUT/"
cp "$WORK/node_modules/leaflet/LICENSE" "$OUT/LICENSE.leaflet"
cp "$WORK/node_modules/world-atlas/LICENSE" "$OUT/LICENSE.world-atlas"
NODE_PATH="$WORK/node_modules" node -e '
const fs = require("fs"), topojson = require("topojson-client");
const topo = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const geo = topojson.feature(topo, topo.objects.countries);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
for (const f of geo.features) { f.geometry.coordinates = round(f.geometry.coordinates); }
fs.writeFileSync(process.argv[2], JSON.stringify(geo));
' "$WORK/node_modules/world-atlas/countries-110m.json" "$OUT/countries-110m.geojson"
cat > "$OUT/SOURCES.md" <<MD
# Vendored files (made by tools/vendor_static.sh; do not edit by hand)

- leaflet.js, leaflet.css: npm \`leaflet@$LEAFLET\` (dist/), BSD-2-Clause, see LICENSE.leaflet.
- countries-110m.geojson: npm \`world-atlas@$WORLD_ATLAS\` countries-110m.json (Natural Earth 1:110m
  admin-0 countries, public domain; packaging ISC, see LICENSE.world-atlas), converted to GeoJSON
  with npm \`topojson-client@$TOPOJSON_CLIENT\` \`feature()\`, coordinates rounded to 0.01 degree.
  Feature \`id\` is the ISO 3166-1 numeric code, \`properties.name\` the country name.
MD
ls -l "$OUT"

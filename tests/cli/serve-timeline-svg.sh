#!/bin/bash
# serve-timeline-svg.sh: 'lagebild timeline A B --svg FILE' (the chart the CLI
# draws beside the web UI's) is well-formed SVG of a readable size with both
# axes titled, a legend, a tick label per axis end and month labels.
set -u
: "${LAGEBILD:?}" "${SRCDIR:?}"
T=$(mktemp -d /tmp/lb-tl-svg.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$LAGEBILD" ingest --quiet --db "$T/ex.db" "$SRCDIR/examples" || fail "ingest"
"$LAGEBILD" timeline --db "$T/ex.db" DEU FRA --svg "$T/t.svg" > /dev/null || fail "timeline --svg exited $?"
python3 - "$T/t.svg" <<'PY' || fail "svg checks"
import sys, xml.etree.ElementTree as ET
ns = {'s': 'http://www.w3.org/2000/svg'}
root = ET.parse(sys.argv[1]).getroot()
assert int(root.get('width')) >= 640 and int(root.get('height')) >= 300, 'too small'
texts = [''.join(t.itertext()) for t in root.iter('{http://www.w3.org/2000/svg}text')]
joined = ' | '.join(texts)
for want in ('events', 'mean Goldstein', 'cooperation (up)', 'conflict (down)', '+10', '-10', 'DEU'):
    assert any(want in t for t in texts), 'missing label %r in %s' % (want, joined)
rects = root.findall('.//s:rect', ns)
assert len(rects) >= 3, 'no bars'
print('ok: svg %sx%s, %d labels' % (root.get('width'), root.get('height'), len(texts)))
PY

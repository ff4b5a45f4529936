"""cfsa2.py: reads a Morfologik CFSA2 automaton (german.dict) and enumerates
its byte sequences; decodes the SUFFIX-encoded lemma (TrimSuffixEncoder).

Layout (morfologik-fsa CFSA2/FSAHeader): "\\fsa", version 0xC6, 2-byte
big-endian flags, label-table size L, L label bytes, then the arcs. An arc is
a flag byte (bit 7 target is next, bit 6 last arc of the node, bit 5 final,
low 5 bits label index, 0 = explicit label byte follows), then a v-int target
unless bit 7 is set. Nodes start with a v-int count if the NUMBERS flag is
set. Offset 0 of the arcs is the epsilon node; the root is its first arc's
target; target 0 means no outgoing arcs."""

FLAG_NUMBERS = 1 << 8
TARGET_NEXT, LAST_ARC, FINAL_ARC, LABEL_MASK = 0x80, 0x40, 0x20, 0x1F


class CFSA2:
    def __init__(self, data: bytes):
        if data[:4] != b"\\fsa" or len(data) < 8:
            raise ValueError("not a Morfologik automaton (magic)")
        if data[4] != 0xC6:
            raise ValueError("not CFSA2 (version 0x%02x)" % data[4])
        flags = (data[5] << 8) | data[6]
        self.numbers = bool(flags & FLAG_NUMBERS)
        n = data[7]
        self.labels = data[8:8 + n]
        self.arcs = data[8 + n:]

    def _vint(self, off):
        a, val, shift = self.arcs, 0, 0
        while True:
            b = a[off]
            off += 1
            val |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return val, off

    def _first_arc(self, node):
        if self.numbers:
            while self.arcs[node] >= 0x80:
                node += 1
            node += 1
        return node

    def _node_arcs(self, node):
        """[(label, final, target)] of a node; target None = no arcs."""
        a, out, off, pending = self.arcs, [], self._first_arc(node), []
        while True:
            flag = a[off]
            off += 1
            idx = flag & LABEL_MASK
            if idx:
                label = self.labels[idx]
            else:
                label = a[off]
                off += 1
            if flag & TARGET_NEXT:
                target = -1
                pending.append(len(out))
            else:
                target, off = self._vint(off)
            out.append([label, bool(flag & FINAL_ARC), target])
            if flag & LAST_ARC:
                break
        for i in pending:
            out[i][2] = off
        return out

    def root(self):
        return self._node_arcs(0)[0][2]

    def sequences(self):
        """Yields every accepted byte sequence (DFS, in automaton order)."""
        cache = {}
        stack = [(self.root(), b"")]
        while stack:
            node, prefix = stack.pop()
            arcs = cache.get(node)
            if arcs is None:
                arcs = self._node_arcs(node)
                if len(cache) < 2_000_000:
                    cache[node] = arcs
            for label, final, target in reversed(arcs):
                seq = prefix + bytes((label,))
                if target:
                    stack.append((target, seq))
                if final:
                    yield seq


def decode_suffix(form: bytes, encoded: bytes) -> bytes:
    """TrimSuffixEncoder: byte 0 = 'A' + bytes to cut from the form's end
    (255: all of it), the rest is appended."""
    if not encoded:
        return form
    k = (encoded[0] - ord('A')) & 0xFF
    if k == 255 or k > len(form):
        k = len(form)
    return form[:len(form) - k] + encoded[1:]

"""The .lm.br file: write (from a pruned model) and read (for perplexity and checks). Read by the engine through
electron/engine/lm/ngram-model.ts.

Layout before brotli, little-endian: "OGLM", u32 version (1), u32 header JSON length, header JSON (UTF-8), zero
padding to a multiple of 4; then for n = 1..order (3 for the word LM, 5 for the letter models of spelling.py):
keys u32[count_n] (ascending), logp u8[count_n], and for n < order backoff u8[count_n]; every array starts 4-byte aligned (zero padding). A value q stands for log10 = -q / 20
(QUANT_STEPS per decade, clamped to 0..255: probabilities down to 1e-12.75; a backoff above 1 is stored as 1).
"""
import json
import struct
import subprocess
import sys
from array import array

MAGIC = b'OGLM'
VERSION = 1
QUANT_STEPS = 20  # per decade: a stored log10 is within 0.025 of the true one
QMAX = 255


def quantize(log10_value: float) -> int:
    return max(0, min(QMAX, round(-log10_value * QUANT_STEPS)))


def dequantize(q: int) -> float:
    return -q / QUANT_STEPS


def _pad(buf: bytearray):
    buf.extend(b'\0' * (-len(buf) % 4))


def _u32(values) -> bytes:
    a = array('I', values)
    assert a.itemsize == 4
    if sys.byteorder != 'little':
        a.byteswap()
    return a.tobytes()


def pack(header: dict, orders) -> bytes:
    """orders: for n = 1..order, (keys ascending, logp q list, backoff q list or None for the last order)."""
    order = len(orders)
    header = dict(header, order=order, counts=[len(k) for k, _, _ in orders])
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode('utf-8')
    buf = bytearray(MAGIC + struct.pack('<II', VERSION, len(head)) + head)
    _pad(buf)
    for n, (keys, logp, backoff) in enumerate(orders, start=1):
        assert len(logp) == len(keys) and (backoff is None) == (n == order)
        assert all(a < b for a, b in zip(keys, keys[1:])), 'keys must be unique and ascending'
        buf += _u32(keys)
        buf += bytes(logp)
        _pad(buf)
        if backoff is not None:
            assert len(backoff) == len(keys)
            buf += bytes(backoff)
            _pad(buf)
    return bytes(buf)


def unpack(raw: bytes):
    """(header, [(keys array('I'), logp bytes, backoff bytes or None) per order]); ValueError when damaged."""
    if len(raw) < 12 or raw[:4] != MAGIC:
        raise ValueError('not an OGLM file')
    version, hlen = struct.unpack_from('<II', raw, 4)
    if version != VERSION:
        raise ValueError('version %d, expected %d' % (version, VERSION))
    if 12 + hlen > len(raw):
        raise ValueError('truncated header')
    header = json.loads(raw[12:12 + hlen].decode('utf-8'))
    at = 12 + hlen
    at += -at % 4
    orders = []
    order = header.get('order')
    if not isinstance(order, int) or len(header.get('counts', [])) != order:
        raise ValueError('header without its order and counts')
    for n, count in enumerate(header['counts'], start=1):
        end = at + 4 * count
        keys = array('I')
        keys.frombytes(raw[at:end])
        if sys.byteorder != 'little':
            keys.byteswap()
        logp = raw[end:end + count]
        at = end + count
        at += -at % 4
        backoff = None
        if n < order:
            backoff = raw[at:at + count]
            at += count
            at += -at % 4
        if at > len(raw) or len(keys) != count:
            raise ValueError('truncated at order %d' % n)
        orders.append((keys, logp, backoff))
    if at != len(raw):
        raise ValueError('%d bytes past the last array' % (len(raw) - at))
    return header, orders


_NODE_BROTLI = r'''
const z = require('node:zlib'); const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', () => {
  const input = Buffer.concat(chunks);
  process.stdout.write(process.argv[1] === 'd' ? z.brotliDecompressSync(input) : z.brotliCompressSync(input, {
    params: { [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_LGWIN]: 24,
      [z.constants.BROTLI_PARAM_SIZE_HINT]: input.length } }));
});
'''


def _node_brotli(data: bytes, mode: str) -> bytes:
    """Node's zlib, for a Python without the brotli module (CI installs only Debian's plain python3)."""
    res = subprocess.run(['node', '-e', _NODE_BROTLI, mode], input=data, capture_output=True)
    if res.returncode != 0:
        raise ValueError('brotli (node) failed: ' + res.stderr.decode('utf-8', 'replace')[-500:])
    return res.stdout


def compress(raw: bytes) -> bytes:
    try:
        import brotli
    except ImportError:
        return _node_brotli(raw, 'c')
    return brotli.compress(raw, quality=11, lgwin=24)


def decompress(packed: bytes) -> bytes:
    try:
        import brotli
    except ImportError:
        return _node_brotli(packed, 'd')
    return brotli.decompress(packed)

"""Text out of HTML, Mallard .page, gettext .mo and Fluent .ftl files, with format codes stripped."""
import gettext
import html.parser
import re
import xml.etree.ElementTree as ET

BLOCK = {'p', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'title', 'caption', 'blockquote',
         'div', 'br', 'tr', 'table', 'ul', 'ol', 'section', 'article'}
SKIP = {'script', 'style', 'pre', 'head'}


class _Paragraphs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.buf, self.skip, self.cur_id = [], [], 0, None

    def _flush(self):
        text = ' '.join(''.join(self.buf).split())
        if text:
            self.out.append((self.cur_id, text))
        self.buf, self.cur_id = [], None

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self._flush()
            self.cur_id = dict(attrs).get('id')

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)


def html_paragraphs(text: str) -> list:
    """[(element id or None, paragraph text)] of an HTML page, code and preformatted blocks skipped."""
    p = _Paragraphs()
    try:
        p.feed(text)
        p.close()
    except Exception:  # malformed pages: keep what was parsed
        pass
    p._flush()
    return p.out


_MAL_KEEP = {'p', 'title', 'desc', 'item'}
_MAL_SKIP = {'screen', 'media', 'info', 'synopsis'}


def mallard_paragraphs(text: str) -> list:
    """Paragraph texts of a Mallard .page (GNOME help); <screen>, <media> and <info> blocks are dropped."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return []
    out = []

    def local(tag):
        return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''

    def text_of(el):
        parts = [el.text or '']
        for ch in el:
            if local(ch.tag) not in _MAL_SKIP:
                parts.append(text_of(ch))
            parts.append(ch.tail or '')
        return ''.join(parts)

    def walk(el):
        name = local(el.tag)
        if name in _MAL_SKIP:
            return
        if name in _MAL_KEEP and not any(local(c.tag) in ('p', 'item') for c in el):
            t = ' '.join(text_of(el).split())
            if t:
                out.append(t)
            return
        for ch in el:
            walk(ch)

    walk(root)
    return out


# printf/python/Qt/gettext/wesnoth placeholders and markup.
_FORMAT = re.compile(r'%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[hlLqjzt]*[diouxXeEfgGcrsp%@]|%\d+|\{[^{}]*\}|\$[\w.]+\|?'
                     r'|<[^<>]*>|&(?:[a-z]+|#\d+);|\\[ntr]')
_ACCEL = re.compile(r'(?<=\w)[_&](?=\w)|(?<![\w&])[_&](?=\w)|~(?=\w)')


def strip_format(s: str) -> str:
    """Remove format codes (%s, %1, {x}, $var|), tags, entities and _/&/~ accelerators."""
    s = _FORMAT.sub(' ', s)
    s = _ACCEL.sub('', s)
    return ' '.join(s.split())


def mo_strings(path: str) -> list:
    """Translated strings of a gettext .mo file, untranslated ones (msgstr == msgid) dropped."""
    try:
        with open(path, 'rb') as f:
            cat = gettext.GNUTranslations(f)._catalog
    except Exception:
        return []
    out = []
    for k, v in cat.items():
        msgid = k[0] if isinstance(k, tuple) else k
        if not msgid or not v or v == msgid:
            continue
        if isinstance(k, tuple) and k[1] != 0:  # plural forms repeat the singular's text
            continue
        out.append(v)
    return out


_FTL_ENTRY = re.compile(r'^\s*(?:-?[\w-]+|\.[\w-]+)\s*=\s*(.*)$')


def ftl_strings(text: str) -> list:
    """Values of a Fluent .ftl file (messages and attributes); select expressions are dropped whole."""
    out = []
    for line in text.split('\n'):
        if line.lstrip().startswith('#'):
            continue
        m = _FTL_ENTRY.match(line)
        if m:
            v = m.group(1)
            if '->' in v or not v.strip():
                continue
            out.append(v)
    return out

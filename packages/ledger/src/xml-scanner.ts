/**
 * A small SAX-style scanner for the XML parts of an .xlsx: text arrives in pieces (see
 * `inflateText`), and each element and text run is handed on as soon as it is complete, so no tree
 * of the document is ever built. It knows what spreadsheet parts use: elements (namespace prefixes
 * dropped), attributes, character and the five predefined entities, CDATA, comments and the XML
 * declaration. It does not validate: a part an office suite wrote is well formed.
 */
export interface XmlHandler {
  /** An element opens; `attrs` is its raw attribute text (read it with `attrOf`). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded (may come in several runs). */
  text(text: string): void;
}

const entity = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its character and predefined entity references replaced. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(entity, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    name ? named[name]! : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)),
  );
}

/** One attribute of an element's raw attribute text, decoded; undefined when absent. */
export function attrOf(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    // A whole name (not the tail of `ref` when asking for `r`), followed by `=` and a quote.
    const before = at === 0 ? ' ' : attrs[at - 1]!;
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r' && before !== ':') continue;
    let eq = from;
    while (attrs[eq] === ' ' || attrs[eq] === '\t' || attrs[eq] === '\n' || attrs[eq] === '\r') eq++;
    if (attrs[eq] !== '=') continue;
    eq++;
    while (attrs[eq] === ' ' || attrs[eq] === '\t' || attrs[eq] === '\n' || attrs[eq] === '\r') eq++;
    const quote = attrs[eq];
    if (quote !== '"' && quote !== "'") continue;
    const endAt = attrs.indexOf(quote, eq + 1);
    if (endAt < 0) return undefined;
    return decodeEntities(attrs.slice(eq + 1, endAt));
  }
}

/** Character data as XML defines it: line ends (CR LF, lone CR) read as LF, then entities decoded. */
const textOf = (raw: string) => decodeEntities(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);

const localName = (qname: string) => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/**
 * Where a tag starting at `lt` ends (its `>`), skipping `>` inside quoted attribute values; -1 if
 * not yet. Jumps from quote to quote with indexOf (a sheet has millions of characters of tags);
 * `quotes` remembers the next quote of each kind so no search runs ahead twice.
 */
function tagEnd(buf: string, lt: number, quotes: { dq: number; sq: number }): number {
  let from = lt + 1;
  for (;;) {
    const gt = buf.indexOf('>', from);
    if (gt < 0) return -1;
    if (quotes.dq !== -1 && quotes.dq < from) quotes.dq = buf.indexOf('"', from);
    if (quotes.sq !== -1 && quotes.sq < from) quotes.sq = buf.indexOf("'", from);
    const { dq, sq } = quotes;
    const q = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
    if (q < 0 || q > gt) return gt;
    const close = buf.indexOf(buf[q]!, q + 1);
    if (close < 0) return -1;
    from = close + 1;
  }
}

export class XmlScanner {
  private buf = '';

  constructor(private readonly handler: XmlHandler) {}

  /** The next piece of the document. */
  feed(piece: string): void {
    const buf = this.buf ? this.buf + piece : piece;
    const h = this.handler;
    let at = 0;
    // No quote searched yet in this buffer (0 < any `from`).
    const quotes = { dq: 0, sq: 0 };
    for (;;) {
      const lt = buf.indexOf('<', at);
      if (lt < 0) break;
      if (lt > at) h.text(textOf(buf.slice(at, lt)));
      at = lt;
      const next = buf[lt + 1];
      if (next === '!' || next === '?') {
        // Comment, CDATA or declaration: each has its own terminator.
        const cdata = buf.startsWith('<![CDATA[', lt);
        const terminator = cdata ? ']]>' : next === '?' ? '?>' : buf.startsWith('<!--', lt) ? '-->' : '>';
        const endAt = buf.indexOf(terminator, lt + 2);
        if (endAt < 0) break;
        if (cdata) h.text(buf.slice(lt + 9, endAt));
        at = endAt + terminator.length;
        continue;
      }
      const gt = tagEnd(buf, lt, quotes);
      if (gt < 0) break;
      if (next === '/') h.close(localName(buf.slice(lt + 2, gt).trim()));
      else {
        const selfClosing = buf[gt - 1] === '/';
        const inner = buf.slice(lt + 1, selfClosing ? gt - 1 : gt);
        let nameEnd = 0;
        while (nameEnd < inner.length && !' \t\n\r'.includes(inner[nameEnd]!)) nameEnd++;
        const name = localName(inner.slice(0, nameEnd));
        h.open(name, inner.slice(nameEnd), selfClosing);
        if (selfClosing) h.close(name);
      }
      at = gt + 1;
    }
    // Keep what is not complete yet: a tag cut in two, or text whose end has not come.
    this.buf = buf.slice(at);
  }

  /** The document is over: trailing text (there should be none) is handed on. */
  end(): void {
    if (this.buf.trim() !== '' && !this.buf.includes('<')) this.handler.text(textOf(this.buf));
    this.buf = '';
  }
}

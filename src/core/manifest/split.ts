/**
 * Cuts a YAML stream into its documents without parsing them, so each document can be parsed on
 * its own (one broken document never hides the others) and only the documents with findings pay
 * for a positional parse. It relies on the one rule of the YAML spec that makes this safe: a
 * document marker (`---` or `...` at the start of a line, followed by a space or the line end)
 * always ends the current document, even inside a block or quoted scalar.
 */
export interface DocumentText {
  readonly text: string;
  /** 1-based line of the file where `text` begins. */
  readonly startLine: number;
}

const START = /^---(?:[ \t]|$)/;
const END = /^\.\.\.(?:[ \t]|$)/;
const FILLER = /^(?:[ \t]*(?:#.*)?|%.*|---[ \t]*(?:#.*)?)$/; // blank, comment, directive, or a bare marker

export function splitDocuments(text: string): DocumentText[] {
  const out: DocumentText[] = [];
  // The current document as a slice of `text` (no copies of lines), and what it holds so far:
  // kept as flags so that no line is looked at twice however many markers the text has.
  let from = 0;
  let to = -1;
  let start = 1;
  let content = false;
  let directive = false;
  const emit = (): void => {
    if (content) out.push({ text: text.slice(from, to), startLine: start });
    to = -1;
    content = false;
    directive = false;
  };
  const push = (lineStart: number, lineEnd: number, line: string): void => {
    if (to < 0) from = lineStart;
    to = lineEnd;
    if (!FILLER.test(line.endsWith('\r') ? line.slice(0, -1) : line)) content = true;
    if (line.startsWith('%')) directive = true;
  };
  let lineNo = 0;
  for (let at = 0; at <= text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    lineNo++;
    if (START.test(line)) {
      if (content) emit();
      // Directives written before `---` belong to the document it opens; other filler is dropped.
      if (!directive) {
        to = -1;
        start = lineNo;
      }
      push(at, end, line);
    } else if (END.test(line)) {
      emit();
      start = lineNo + 1;
    } else {
      if (to < 0) start = lineNo;
      push(at, end, line);
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  emit();
  return out;
}

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
  const lines = text.split('\n');
  const out: DocumentText[] = [];
  let buf: string[] = [];
  let start = 1;
  const hasContent = (): boolean => buf.some((l) => !FILLER.test(l.replace(/\r$/, '')));
  const emit = (): void => {
    if (hasContent()) out.push({ text: buf.join('\n'), startLine: start });
    buf = [];
  };
  lines.forEach((line, i) => {
    if (START.test(line)) {
      if (hasContent()) emit();
      // Directives written before `---` belong to the document it opens; other filler is dropped.
      if (!buf.some((l) => l.startsWith('%'))) {
        buf = [];
        start = i + 1;
      }
      buf.push(line);
    } else if (END.test(line)) {
      emit();
      start = i + 2;
    } else {
      if (buf.length === 0) start = i + 1;
      buf.push(line);
    }
  });
  emit();
  return out;
}

/**
 * Text from contracts, file names and configurations as a terminal, a CI log or an XML report shows it:
 * control characters (ESC and the rest of C0 but the tab, DEL, C1) and the marks that reorder
 * bidirectional text written out as `\xNN` or `\uNNNN`, so that a contract can neither clear the
 * reviewer's screen nor change what a line seems to say.
 */
const UNPRINTABLE_RE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE_RE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

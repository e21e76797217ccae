/**
 * Turns the bytes of a file into contract text, or says in one line why it cannot be read. Binary
 * files, invalid UTF-8 and files too large for a contract are refused; a BOM and CRLF are fine.
 */
export const MAX_BYTES = 20 * 1024 * 1024;

export class InputError extends Error {}

export function decodeContract(bytes: Uint8Array): string {
  if (bytes.length > MAX_BYTES) throw new InputError(`the file is ${(bytes.length / 1048576).toFixed(1)} MB; Clauselint reads contracts up to ${MAX_BYTES / 1048576} MB`);
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) throw new InputError('this is a binary file, not a Markdown contract');
  try {
    // ignoreBOM keeps the BOM in the text, so that --fix writes it back.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError('the file is not valid UTF-8 text; save it as UTF-8 and try again');
  }
}

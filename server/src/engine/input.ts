/**
 * Turns the bytes of a file into contract text, or says in one line why it cannot be read. Binary
 * files, invalid UTF-8 and files too large for a contract are refused; a BOM and CRLF are fine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';

import { MAX_BYTES } from './limits.js';

export { MAX_BYTES };

export class InputError extends Error {}

const tooLarge = (size: number) => new InputError(`the file is ${(size / 1048576).toFixed(1)} MB; Clauselint reads contracts up to ${MAX_BYTES / 1048576} MB`);

export function decodeContract(bytes: Uint8Array): string {
  if (bytes.length > MAX_BYTES) throw tooLarge(bytes.length);
  // UTF-16 with a byte order mark (Word's "Unicode text"): decoded, the BOM kept as in UTF-8.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try { return new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes); } catch {
      throw new InputError(`the file starts as ${utf16.toUpperCase()} text but is not valid ${utf16.toUpperCase()}; save it as UTF-8 and try again`);
    }
  }
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) throw new InputError('this is a binary file, not a Markdown contract');
  try {
    // ignoreBOM keeps the BOM in the text, so that --fix writes it back.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError('the file is not valid UTF-8 text; save it as UTF-8 and try again');
  }
}

/**
 * Reads a contract from a path named on the command line or found in a folder: only a regular file is
 * read (a FIFO would block for ever, a device never end), and its size is checked before reading.
 */
export function readContractFile(path: string): string {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    readdirSync(path); // an unreadable folder throws its own error (EACCES)
    throw new InputError('this is a folder, not a file');
  }
  if (!stat.isFile()) throw new InputError('this is not a regular file (a FIFO, socket or device); Clauselint reads files only');
  if (stat.size > MAX_BYTES) throw tooLarge(stat.size);
  return decodeContract(readFileSync(path));
}

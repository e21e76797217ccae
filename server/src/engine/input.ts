/**
 * Turns the bytes of a file into contract text, or says in one line why it cannot be read. Binary
 * files, invalid UTF-8 and files too large for a contract are refused; a BOM and CRLF are fine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';

import { MAX_BYTES } from './limits.js';
import type { Language } from './types.js';
import { phrasebook } from './words.js';

export { MAX_BYTES };

/** Why a file cannot be read, in both languages: the command says it in its own (--lang, else the locale). */
const TEXTS = {
  'too-large': { en: 'the file is {size} MB; Clauselint reads contracts up to {max} MB', nl: 'het bestand is {size} MB; Clauselint leest overeenkomsten tot {max} MB' },
  'bad-utf16': {
    en: 'the file starts as {encoding} text but is not valid {encoding}; save it as UTF-8 and try again',
    nl: 'het bestand begint als {encoding}-tekst maar is geen geldige {encoding}; sla het op als UTF-8 en probeer het opnieuw',
  },
  binary: { en: 'this is a binary file, not a Markdown contract', nl: 'dit is een binair bestand, geen overeenkomst in Markdown' },
  'bad-utf8': { en: 'the file is not valid UTF-8 text; save it as UTF-8 and try again', nl: 'het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8 en probeer het opnieuw' },
  folder: { en: 'this is a folder, not a file', nl: 'dit is een map, geen bestand' },
  'not-a-file': {
    en: 'this is not a regular file (a FIFO, socket or device); Clauselint reads files only',
    nl: 'dit is geen gewoon bestand (maar een FIFO, socket of apparaat); Clauselint leest alleen bestanden',
  },
} as const;
const say = phrasebook(TEXTS);

/** `message` is English (the library's); text() says the same in a language. */
export class InputError extends Error {
  constructor(readonly problem: keyof typeof TEXTS, readonly values: Readonly<Record<string, string | number>> = {}) {
    super(say('en', problem, values));
  }

  text(lang: Language): string {
    // A size in Dutch has a decimal comma.
    const values = lang === 'nl' && typeof this.values.size === 'string' ? { ...this.values, size: this.values.size.replace('.', ',') } : this.values;
    return say(lang, this.problem, values);
  }
}

/** Every text in both languages, for the test that reads Dutch strings as Dutch. */
export function allInputTexts(): { id: string; lang: Language; text: string }[] {
  return Object.entries(TEXTS).flatMap(([id, e]) => (['en', 'nl'] as const).map((lang) => ({ id: `input.${id}`, lang, text: e[lang] })));
}

const tooLarge = (size: number) => new InputError('too-large', { size: (size / 1048576).toFixed(1), max: MAX_BYTES / 1048576 });

export function decodeContract(bytes: Uint8Array): string {
  if (bytes.length > MAX_BYTES) throw tooLarge(bytes.length);
  // UTF-16 with a byte order mark (Word's "Unicode text"): decoded, the BOM kept as in UTF-8.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try { return new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes); } catch {
      throw new InputError('bad-utf16', { encoding: utf16.toUpperCase() });
    }
  }
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) throw new InputError('binary');
  try {
    // ignoreBOM keeps the BOM in the text, so that --fix writes it back.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError('bad-utf8');
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
    throw new InputError('folder');
  }
  if (!stat.isFile()) throw new InputError('not-a-file');
  if (stat.size > MAX_BYTES) throw tooLarge(stat.size);
  return decodeContract(readFileSync(path));
}

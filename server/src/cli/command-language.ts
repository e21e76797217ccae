/**
 * The language of what the command says before it has read a contract (--help, a usage or configuration
 * error): --lang, else the locale. Its own module, so that the entry point answers --help without loading
 * the phrase tables.
 */
import type { Language } from '../engine/types.js';

export function commandLanguage(argv: string[], env: NodeJS.ProcessEnv = process.env): Language {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = at < 0 ? undefined : argv[at].startsWith('--lang=') ? argv[at].slice(7) : argv[at + 1];
  if (given === 'en' || given === 'nl') return given;
  return /^nl(?:[_.@-]|$)/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'nl' : 'en';
}

/** The entry point's one line when the command's bundle cannot be loaded (the phrase tables are in that bundle). */
export const CANNOT_LOAD = {
  en: 'cannot load the command ({message}); the installation is incomplete',
  nl: 'kan de opdracht niet laden ({message}); de installatie is onvolledig',
} as const;

/** A mistake node's parseArgs found (unknown option, missing value), as the command's usage error in both languages. */
import { UsageError } from './files.js';
import { inBoth } from './strings.js';

/** node's parseArgs errors in the command's words: the option as typed, the rest in either language. */
export function parseError(err: Error & { code?: string }): UsageError {
  const message = err.message.split('\n')[0];
  // "Option '-f, --format <value>' argument missing": the long name is the one the help lists.
  const option = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1];
  if (option && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(inBoth('usage.unknownOption', { option }));
  if (option && /argument missing|argument is ambiguous/.test(message)) return new UsageError(inBoth('usage.missingValue', { option }));
  if (option && /does not take an argument/.test(message)) return new UsageError(inBoth('usage.noValue', { option }));
  return new UsageError(message);
}

/**
 * The parameters of requests, checked before they are used: a malformed request (no document, a position
 * that is not two whole numbers) is answered with InvalidParams, as the protocol says, not with an
 * internal error from deep inside a feature.
 */
import { ErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver';

function invalid(what: string): never {
  throw new ResponseError(ErrorCodes.InvalidParams, `Invalid parameters: ${what}.`);
}

function objectAt(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(`${what} must be an object`);
  return value as Record<string, unknown>;
}

export function uriIn(params: unknown, what = 'uri'): string {
  const uri = objectAt(params, 'the parameters')[what];
  if (typeof uri !== 'string' || !uri) invalid(`${what} must be a non-empty string`);
  return uri;
}

/** params.textDocument.uri */
export function documentUri(params: unknown): string {
  return uriIn(objectAt(objectAt(params, 'the parameters').textDocument, 'textDocument'), 'uri');
}

export function positionIn(value: unknown, what = 'position'): Position {
  const p = objectAt(value, what);
  const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!whole(p.line) || !whole(p.character)) invalid(`${what} must have a line and a character that are whole numbers, 0 or more`);
  return { line: p.line as number, character: p.character as number };
}

export function rangeIn(value: unknown, what = 'range'): Range {
  const r = objectAt(value, what);
  const range = { start: positionIn(r.start, `${what}.start`), end: positionIn(r.end, `${what}.end`) };
  if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) invalid(`${what} must not end before it starts`);
  return range;
}

/** A code action's context: its diagnostics a list, its `only` a list of strings, when given. */
export function codeActionContextIn(value: unknown): { diagnostics: unknown[]; only?: string[] } {
  const c = objectAt(value, 'context');
  if (c.diagnostics !== undefined && !Array.isArray(c.diagnostics)) invalid('context.diagnostics must be a list');
  if (c.only !== undefined && (!Array.isArray(c.only) || !c.only.every((o) => typeof o === 'string'))) invalid('context.only must be a list of strings');
  return c as { diagnostics: unknown[]; only?: string[] };
}

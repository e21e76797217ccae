/** The outline of a contract: its title, articles, definitions, annexes and signatures (model.sections). */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModel, Section, SectionKind } from '../engine/markdown.js';
import { rangeOf } from './diagnostics.js';

type Doc = Pick<TextDocument, 'positionAt'>;

const KIND: Record<SectionKind, SymbolKind> = {
  title: SymbolKind.File,
  preamble: SymbolKind.File,
  article: SymbolKind.Module,
  definitions: SymbolKind.Struct,
  annex: SymbolKind.Package,
  signatures: SymbolKind.Event,
};

function detail(s: Section): string | undefined {
  return s.kind === 'article' ? undefined : s.kind;
}

/** Sections as a tree; the untitled preamble is left out and its children move up. */
export function documentSymbols(doc: Doc, model: DocumentModel): DocumentSymbol[] {
  const symbols = new Map<Section, DocumentSymbol>();
  const roots: DocumentSymbol[] = [];
  for (const s of model.sections) {
    if (s.kind === 'preamble' && !s.title) continue;
    const symbol: DocumentSymbol = {
      name: s.title || '(untitled)',
      kind: KIND[s.kind],
      range: rangeOf(doc, s.span),
      selectionRange: rangeOf(doc, s.headingSpan),
      children: [],
      ...(detail(s) && { detail: detail(s) }),
    };
    symbols.set(s, symbol);
    let parent = s.parent;
    while (parent && !symbols.has(parent)) parent = parent.parent;
    (parent ? symbols.get(parent)!.children! : roots).push(symbol);
  }
  return roots;
}

/** For clients without hierarchical symbols: a flat list with container names. */
export function flatSymbols(uri: string, tree: DocumentSymbol[], container?: string): SymbolInformation[] {
  return tree.flatMap((s) => [
    { name: s.name, kind: s.kind, location: { uri, range: s.selectionRange }, ...(container && { containerName: container }) },
    ...flatSymbols(uri, s.children ?? [], s.name),
  ]);
}

/**
 * The editor's `clauselint.*` settings, read per document through workspace/configuration (never kept
 * in globals beyond a cache that a configuration change clears), and turned into engine settings.
 */
import { CONTRACT_TYPES, LANGUAGES, REGIMES, SEVERITIES, type ContractType, type Language, type Regime, type Settings, type SeveritySetting } from '../engine/types.js';

export interface EditorSettings {
  enable: boolean;
  /** A default for contracts whose front matter and configuration say nothing. */
  type?: ContractType;
  regimes?: Regime[];
  language?: Language;
  /** Severity overrides; these win over the configuration file, since they are how the user wants to see findings. */
  rules: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: EditorSettings = { enable: true, rules: {} };

/** Validates whatever the client sent (null, partial objects, wrong types) into EditorSettings. */
export function readEditorSettings(raw: unknown): EditorSettings {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_SETTINGS, rules: {} };
  const o = raw as Record<string, unknown>;
  const out: EditorSettings = { enable: o.enable !== false, rules: {} };
  if (typeof o.type === 'string' && CONTRACT_TYPES.includes(o.type as ContractType)) out.type = o.type as ContractType;
  if (Array.isArray(o.regimes)) {
    const regimes = o.regimes.filter((r): r is Regime => typeof r === 'string' && REGIMES.includes(r as Regime));
    if (regimes.length) out.regimes = regimes;
  }
  if (typeof o.language === 'string' && LANGUAGES.includes(o.language as Language)) out.language = o.language as Language;
  if (o.rules && typeof o.rules === 'object' && !Array.isArray(o.rules)) {
    for (const [id, value] of Object.entries(o.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && (value === 'off' || SEVERITIES.includes(value as never))) out.rules[id] = value as SeveritySetting;
    }
  }
  return out;
}

/**
 * Engine settings for one document: the editor's defaults, then the configuration file (which describes
 * the contracts in its folder and so wins for type, regimes and language), then the editor's severities.
 */
export function mergeSettings(editor: EditorSettings, fromConfig: Settings): Settings {
  const merged: Settings = {
    ...(editor.type && { type: editor.type }),
    ...(editor.regimes && { regimes: editor.regimes }),
    ...(editor.language && { language: editor.language }),
    ...fromConfig,
  };
  const rules = { ...(fromConfig.rules ?? {}), ...editor.rules };
  if (Object.keys(rules).length) merged.rules = rules;
  return merged;
}

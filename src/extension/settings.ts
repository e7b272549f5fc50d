/**
 * Turning the editor's settings and a `.casereviewrc*` file's text into one lint
 * configuration. Pure (engine only, no VS Code or Node built-ins).
 *
 * Order, later wins: VS Code settings (`caseReview.*`), then the nearest
 * `.casereviewrc*`, then the document's own front matter (which the engine reads).
 * A board's config file therefore overrides a user's preference for the same rule;
 * lists (`child`, `agencies`) are joined.
 */
import {
  mergeConfigs,
  parseConfigText,
  reportTypeIds,
  resolveProfiles,
  ruleInfos,
  rules,
  type ConfigError,
  type LintConfig,
  type ParsedConfig,
  type RuleLevel,
  type RuleSetting,
} from '../engine/index.js';
import type { EnableMode } from './when-to-lint.js';

/** The `caseReview.*` settings as the extension reads them (unknown shapes already dropped). */
export interface ExtensionSettings {
  enable: EnableMode;
  rules: Record<string, unknown>;
  defaultReportType: string;
  child: unknown;
  throttleMs: number;
}

export const DEFAULT_THROTTLE_MS = 250;
const LEVELS: readonly RuleLevel[] = ['off', 'on', 'info', 'warn', 'error'];

/** Parse a config file, checking `reportType` against the board's own report types too. */
export function parseConfigFile(text: string, file: string): ParsedConfig {
  const first = parseConfigText(text, file, ruleInfos(), reportTypeIds());
  const profiles = first.config.profiles;
  if (!profiles) return first;
  return parseConfigText(text, file, ruleInfos(), reportTypeIds(resolveProfiles(profiles)));
}

export function normalizeEnable(value: unknown): EnableMode {
  return value === 'always' || value === 'never' ? value : 'auto';
}

export function normalizeThrottle(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(10_000, Math.max(0, value)) : DEFAULT_THROTTLE_MS;
}

/**
 * The lint configuration that the `caseReview.*` settings stand for, and a
 * message for each setting that could not be used (unknown rule, bad level).
 */
export function configFromSettings(settings: ExtensionSettings): { config: Partial<LintConfig>; problems: string[] } {
  const problems: string[] = [];
  const known = new Set(rules.map((r) => r.meta.id));
  const ruleSettings: Record<string, RuleSetting> = {};
  if (settings.rules && typeof settings.rules === 'object' && !Array.isArray(settings.rules)) {
    for (const [id, value] of Object.entries(settings.rules)) {
      if (!known.has(id)) {
        problems.push(`caseReview.rules: unknown rule "${id}"`);
        continue;
      }
      const level = Array.isArray(value) ? value[0] : value;
      const options = Array.isArray(value) ? value[1] : undefined;
      if (typeof level !== 'string' || !LEVELS.includes(level as RuleLevel)) {
        problems.push(`caseReview.rules: rule "${id}" must be one of ${LEVELS.map((l) => `"${l}"`).join(', ')}`);
        continue;
      }
      if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
        problems.push(`caseReview.rules: options of rule "${id}" must be an object`);
        continue;
      }
      ruleSettings[id] = options === undefined ? (level as RuleLevel) : [level as RuleLevel, options as Record<string, unknown>];
    }
  }
  const config: Partial<LintConfig> = { rules: ruleSettings };
  if (typeof settings.defaultReportType === 'string' && settings.defaultReportType.trim()) {
    config.defaultReportType = settings.defaultReportType.trim();
  }
  const child = typeof settings.child === 'string' ? [settings.child] : settings.child;
  if (Array.isArray(child)) config.child = child.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  return { config, problems };
}

export interface ResolvedConfig {
  config: Partial<LintConfig>;
  /** Errors of the config file that applies, if any. */
  errors: ConfigError[];
}

/** Settings, then the config file, then what the editor forces (docs location, chosen report type). */
export function combineConfig(
  fromSettings: Partial<LintConfig>,
  fromFile: Partial<LintConfig> | undefined,
  forced: Partial<LintConfig>,
): Partial<LintConfig> {
  const merged = mergeConfigs(fromSettings, fromFile ?? {}, forced);
  // A default report type the board does not know falls back to the engine's default.
  if (merged.defaultReportType && !reportTypeIds(resolveProfiles(merged.profiles ?? {})).includes(merged.defaultReportType)) {
    delete merged.defaultReportType;
  }
  return merged;
}

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
  type ConfigError,
  type LintConfig,
  mergeConfigs,
  parseConfigText,
  type ParsedConfig,
  reportTypeIds,
  resolveProfiles,
  ruleInfos,
  type RuleLevel,
  rules,
  type RuleSetting,
} from '../index.js';
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

/** What a settings section gives (a `vscode.WorkspaceConfiguration` fits). */
export interface SettingsSection {
  get(key: string): unknown;
  inspect(key: string): { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined;
}

const isSet = (section: SettingsSection, key: string): boolean => {
  const found = section.inspect(key);
  return (
    found !== undefined &&
    (found.globalValue !== undefined || found.workspaceValue !== undefined || found.workspaceFolderValue !== undefined)
  );
};

/**
 * The delay before checking after an edit, in milliseconds: `caseReview.delayBeforeChecking`,
 * or the older `caseReview.throttleMs` when only that one is set.
 */
export function delaySetting(section: SettingsSection): number {
  if (!isSet(section, 'delayBeforeChecking') && isSet(section, 'throttleMs')) return normalizeThrottle(section.get('throttleMs'));
  return normalizeThrottle(section.get('delayBeforeChecking'));
}

// ---------------------------------------------------------------------------
// “Choose checks”: which checks run, as `caseReview.rules` in one settings target.

const levelOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Does a `caseReview.rules` entry leave the check running? (No entry: it runs.) */
export function checkRuns(value: unknown): boolean {
  return levelOf(value) !== 'off';
}

/** An entry's level for an author: “off”, “shown as a warning”…; undefined when it has none of its own. */
export function describeCheckSetting(value: unknown): string | undefined {
  switch (levelOf(value)) {
    case 'off':
      return 'off';
    case 'on':
      return 'on';
    case 'info':
      return 'on, shown as information';
    case 'warn':
      return 'on, shown as a warning';
    case 'error':
      return 'on, shown as an error';
    default:
      return undefined;
  }
}

const asRules = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * `caseReview.rules` for one settings target once the author has chosen which
 * checks run (`running`, among `ruleIds`). `target` is that target's current
 * value, `inherited` what applies without it (user settings, for the workspace).
 * A check keeps its entry (level, options) unless its on/off state changes; one
 * switched off or on keeps its options; a plain “off” switched on is removed when
 * nothing below turns the check off, else set “on”. Entries for other ids are kept.
 */
export function chosenRules(
  ruleIds: readonly string[],
  running: ReadonlySet<string>,
  target: unknown,
  inherited: unknown = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...asRules(target) };
  const below = asRules(inherited);
  for (const id of ruleIds) {
    const own = out[id];
    const effective = own !== undefined ? own : below[id];
    const wanted = running.has(id);
    if (wanted === checkRuns(effective)) continue;
    if (!wanted) out[id] = Array.isArray(own) ? ['off', ...own.slice(1)] : 'off';
    else if (Array.isArray(own)) out[id] = ['on', ...own.slice(1)];
    else if (own !== undefined && checkRuns(below[id])) delete out[id];
    else out[id] = 'on';
  }
  return out;
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

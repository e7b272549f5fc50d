/** Default engine settings and how partial settings are completed. */
import type { EngineSettings, LintConfig } from './types.js';

export const DEFAULT_SETTINGS: EngineSettings = {
  defaultReportType: 'overview',
  agencies: [],
  child: [],
  profiles: {},
  docsBaseUrl: '',
};

export function completeConfig(partial: Partial<LintConfig> = {}): LintConfig {
  return {
    ...DEFAULT_SETTINGS,
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
    rules: { ...(partial.rules ?? {}) },
  } as LintConfig;
}

/** URL of a rule's documentation, resolved against the front end's docs base. */
export function ruleDocUrl(ruleId: string, docsBaseUrl: string): string {
  const path = `docs/rules/${ruleId}.md`;
  if (!docsBaseUrl) return path;
  return new URL(path, docsBaseUrl.endsWith('/') ? docsBaseUrl : `${docsBaseUrl}/`).href;
}

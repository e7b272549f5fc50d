/** Built-in report profiles (data in src/profiles) and board overrides from config. */
import type { Profile, ProfileOverride, ProfileSection } from './types.js';
import imr from '../profiles/imr.json' with { type: 'json' };
import overview from '../profiles/overview.json' with { type: 'json' };
import executiveSummary from '../profiles/executive-summary.json' with { type: 'json' };
import lcspr from '../profiles/lcspr.json' with { type: 'json' };
import rapidReview from '../profiles/rapid-review.json' with { type: 'json' };
import childPracticeReview from '../profiles/child-practice-review.json' with { type: 'json' };
import learningReview from '../profiles/learning-review.json' with { type: 'json' };

export const BUILT_IN_PROFILES: readonly Profile[] = [
  imr,
  overview,
  executiveSummary,
  lcspr,
  rapidReview,
  childPracticeReview,
  learningReview,
] as Profile[];

const STATUSES = new Set(['required', 'expected', 'optional']);

function mergeSections(
  base: ProfileSection[],
  changes: NonNullable<ProfileOverride['sections']>,
  replace: boolean,
): ProfileSection[] {
  const sections: ProfileSection[] = replace ? [] : base.map((s) => ({ ...s, synonyms: [...s.synonyms] }));
  for (const change of changes) {
    const { after, ...fields } = change;
    const existing = sections.findIndex((s) => s.id === change.id);
    const template = base.find((s) => s.id === change.id);
    const merged: ProfileSection = {
      id: change.id,
      title: fields.title ?? template?.title ?? change.id,
      status: fields.status && STATUSES.has(fields.status) ? fields.status : template?.status ?? 'expected',
      synonyms: [...new Set([...(template?.synonyms ?? []), ...(fields.synonyms ?? []), (fields.title ?? '').toLowerCase()])].filter(Boolean),
      prompt: fields.prompt ?? template?.prompt ?? '',
      ...(template?.except ? { except: [...template.except] } : {}),
      ...(template?.topLevel ? { topLevel: true } : {}),
    };
    if (existing !== -1) sections.splice(existing, 1);
    const anchor = after ? sections.findIndex((s) => s.id === after) : -1;
    if (anchor !== -1) sections.splice(anchor + 1, 0, merged);
    else if (existing !== -1 && !after) sections.splice(existing, 0, merged);
    else sections.push(merged);
  }
  return sections;
}

/** Apply a board's overrides: change built-in profiles or add new report types. */
export function resolveProfiles(overrides: Record<string, ProfileOverride> = {}): Profile[] {
  const profiles = new Map<string, Profile>(BUILT_IN_PROFILES.map((p) => [p.id, p]));
  for (const [id, override] of Object.entries(overrides)) {
    const isNew = !profiles.has(id);
    const base = profiles.get(id) ?? (override.extends ? profiles.get(override.extends) : undefined);
    profiles.set(id, {
      id,
      title: override.title ?? (isNew ? id : base?.title ?? id),
      titlePhrases: override.titlePhrases ?? (isNew ? [] : base?.titlePhrases ?? []),
      sections: mergeSections(base?.sections ?? [], override.sections ?? [], override.mode === 'replace'),
    });
  }
  return [...profiles.values()];
}

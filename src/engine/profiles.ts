/**
 * Report profiles: the built-in ones (one JSON file each in src/profiles, listed by the
 * generated src/profiles/index.ts) and a board's changes and own types from config.
 */
import type { Profile, ProfileOverride, ProfileSection } from './types.js';
import { PROFILE_FILES } from '../profiles/index.js';

/** Lower `order` first; types without one keep their place after those with one. */
function byOrder(profiles: readonly Profile[]): Profile[] {
  return profiles
    .map((profile, index) => ({ profile, index }))
    .sort((a, b) => (a.profile.order ?? Infinity) - (b.profile.order ?? Infinity) || a.index - b.index)
    .map((p) => p.profile);
}

/** A built-in profile file without its `$schema` (which only helps editors of the file). */
function fromFile(file: object): Profile {
  const profile: Profile & { $schema?: string } = { ...(file as Profile) };
  delete profile.$schema;
  return profile;
}

/** Built-in profiles from their files' contents, in their `order` (the docs generator reads the files itself). */
export function builtInProfilesOf(files: readonly object[]): Profile[] {
  return byOrder(files.map(fromFile));
}

export const BUILT_IN_PROFILES: readonly Profile[] = builtInProfilesOf(PROFILE_FILES);

const STATUSES = new Set(['required', 'expected', 'optional']);

function mergeSections(base: ProfileSection[], changes: NonNullable<ProfileOverride['sections']>, replace: boolean): ProfileSection[] {
  const sections: ProfileSection[] = replace ? [] : base.map((s) => ({ ...s, synonyms: [...s.synonyms] }));
  for (const change of changes) {
    const { after, ...fields } = change;
    const existing = sections.findIndex((s) => s.id === change.id);
    const template = base.find((s) => s.id === change.id);
    const role = fields.role ?? template?.role;
    const except = fields.except ?? template?.except;
    const merged: ProfileSection = {
      id: change.id,
      title: fields.title ?? template?.title ?? change.id,
      ...(role ? { role } : {}),
      status: fields.status && STATUSES.has(fields.status) ? fields.status : (template?.status ?? 'expected'),
      synonyms: [...new Set([...(template?.synonyms ?? []), ...(fields.synonyms ?? []), (fields.title ?? '').toLowerCase()])].filter(
        Boolean,
      ),
      prompt: fields.prompt ?? template?.prompt ?? '',
      ...(except ? { except: [...except] } : {}),
      ...((fields.topLevel ?? template?.topLevel) ? { topLevel: true } : {}),
    };
    if (existing !== -1) sections.splice(existing, 1);
    const anchor = after ? sections.findIndex((s) => s.id === after) : -1;
    if (anchor !== -1) sections.splice(anchor + 1, 0, merged);
    else if (existing !== -1 && !after) sections.splice(existing, 0, merged);
    else sections.push(merged);
  }
  return sections;
}

/**
 * Apply a board's overrides: change built-in profiles or add new report types. A new
 * type takes `multiAgency` from the profile it extends, else it is single-agency.
 */
export function resolveProfiles(overrides: Record<string, ProfileOverride> = {}): Profile[] {
  const profiles = new Map<string, Profile>(BUILT_IN_PROFILES.map((p) => [p.id, p]));
  for (const [id, override] of Object.entries(overrides)) {
    const isNew = !profiles.has(id);
    const base = profiles.get(id) ?? (override.extends ? profiles.get(override.extends) : undefined);
    const order = override.order ?? (isNew ? undefined : base?.order);
    profiles.set(id, {
      id,
      title: override.title ?? (isNew ? id : (base?.title ?? id)),
      ...(order !== undefined ? { order } : {}),
      titlePhrases: override.titlePhrases ?? (isNew ? [] : (base?.titlePhrases ?? [])),
      multiAgency: override.multiAgency ?? base?.multiAgency ?? false,
      sections: mergeSections(base?.sections ?? [], override.sections ?? [], override.mode === 'replace'),
    });
  }
  return byOrder([...profiles.values()]);
}

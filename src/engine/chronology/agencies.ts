/** Agencies named in a chronology: the agency families (police, health, social care…) of its Source cells. */
import { normalizePhrase, phraseRegExp } from '../text.js';
import data from '../../data/chronology-columns.json' with { type: 'json' };
import type { Chronology } from './types.js';

const FAMILY_OF = new Map<string, string>();
for (const [family, phrases] of Object.entries(data.agencyFamilies)) for (const p of phrases) FAMILY_OF.set(normalizePhrase(p), family);
const FAMILY_PATTERN = phraseRegExp(Object.values(data.agencyFamilies).flat())!;

/** Agency families (police, health, social-care, education, probation, housing) named in a text. */
export function agencyFamilies(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(FAMILY_PATTERN.source, FAMILY_PATTERN.flags))) {
    const family = FAMILY_OF.get(normalizePhrase(m[0]));
    if (family) found.add(family);
  }
  return [...found];
}

/** Agency families named in a chronology's Source cells (two or more: the table mixes agencies). */
export function sourceAgencyFamilies(chronology: Chronology): string[] {
  const found = new Set<string>();
  for (const r of chronology.rows) for (const f of agencyFamilies(r.cells.source?.text ?? '')) found.add(f);
  return [...found];
}

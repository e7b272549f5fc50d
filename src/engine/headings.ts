/** Heading normalisation and matching headings to profile sections by meaning. */
import type { Profile } from './types.js';
import { normalizePhrase } from './text.js';

const NUMBERING = [
  // "Section 3 –", "Part II:", "Appendix A."
  /^(?:section|part|chapter|appendix|annex)\s+(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])\b\s*[-–—:.)]?\s*/i,
  // "3.", "3.1", "3.1.2)", "3 -"
  /^\d+(?:\.\d+)*\.?\)?\s*[-–—:]?\s*/,
  // "iv.", "b)"
  /^(?:[ivxlc]+|[a-z])[.)]\s+/i,
];

/** Strip numbering ("3.", "3.1", "Section 3 –") from a heading's text. */
export function stripNumbering(text: string): string {
  let result = text.trim();
  for (const pattern of NUMBERING) {
    const stripped = result.replace(pattern, '');
    if (stripped !== result && stripped.length > 0) {
      result = stripped;
      break;
    }
  }
  return result;
}

/** Normalise a heading for matching: numbering removed, case and punctuation folded. */
export function normalizeHeading(text: string): string {
  return normalizePhrase(stripNumbering(text));
}

interface Hit {
  sectionId: string;
  start: number;
  end: number;
}

/**
 * Which profile sections a heading means. A synonym matches when it stands in
 * the normalised heading as whole words. When a longer synonym of one section
 * covers a shorter synonym of another ("background to the review" over
 * "background"), only the longer one counts.
 */
export function matchHeading(heading: string, profile: Profile): string[] {
  const norm = ` ${normalizeHeading(heading)} `;
  const hits: Hit[] = [];
  for (const section of profile.sections) {
    let best: Hit | undefined;
    for (const synonym of section.synonyms) {
      const syn = normalizePhrase(synonym);
      if (!syn) continue;
      const at = norm.indexOf(` ${syn} `);
      if (at === -1) continue;
      const hit = { sectionId: section.id, start: at, end: at + syn.length + 1 };
      if (!best || hit.end - hit.start > best.end - best.start) best = hit;
    }
    if (best) hits.push(best);
  }
  const kept = hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          other.start <= hit.start &&
          other.end >= hit.end &&
          other.end - other.start > hit.end - hit.start,
      ),
  );
  return kept.map((hit) => hit.sectionId);
}

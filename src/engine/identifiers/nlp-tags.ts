/**
 * compromise's reading of a word: a person, something else (a place, a date, an
 * ordinary word), or undecided. Tagging is slow, so only the sentence around a
 * word is tagged, and tagged sentences are remembered.
 */
import nlp from 'compromise';

/** Index of the last sentence-ending mark followed by white space, or -1. */
function lastSentenceEnd(text: string): number {
  for (let i = text.length - 2; i >= 0; i--) {
    if ('.!?'.includes(text[i]!) && /\s/.test(text[i + 1]!)) return i;
  }
  return -1;
}

/** Person tags from compromise, keyed by token start offset within `text`. */
function personTokens(text: string): Map<number, 'person' | 'other'> {
  const result = new Map<number, 'person' | 'other'>();
  const json = nlp(text).json() as { terms: { text: string; tags: string[] }[] }[];
  let cursor = 0;
  for (const sentence of json) {
    for (const term of sentence.terms) {
      if (!term.text) continue;
      const at = text.indexOf(term.text, cursor);
      if (at < 0) continue;
      cursor = at + term.text.length;
      const tags = new Set(term.tags);
      const person = tags.has('Person') || tags.has('FirstName') || tags.has('LastName');
      const other = OTHER_TAGS.some((t) => tags.has(t));
      if (person && !tags.has('Place') && !tags.has('Organization')) result.set(at, 'person');
      else if (other) result.set(at, 'other');
    }
  }
  return result;
}

const OTHER_TAGS = [
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'Demonym',
  'Date',
  'Month',
  'WeekDay',
  'Adjective',
  'Verb',
  'Adverb',
];

/**
 * Tagging is the slow part (compromise reads about 6,000 words a second), so
 * only the sentence around an undecided word is tagged, and tagged sentences
 * are remembered: an editor relinting after a keystroke re-tags one sentence.
 */
const TAG_CACHE_SIZE = 4000;
const tagCache = new Map<string, Map<number, 'person' | 'other'>>();

function cachedPersonTokens(sentence: string): Map<number, 'person' | 'other'> {
  let tags = tagCache.get(sentence);
  if (tags) {
    tagCache.delete(sentence);
  } else {
    tags = personTokens(sentence);
    if (tagCache.size >= TAG_CACHE_SIZE) tagCache.delete(tagCache.keys().next().value!);
  }
  tagCache.set(sentence, tags);
  return tags;
}

/** compromise's reading of the word at `offset`: its sentence is tagged (bounded to 400 characters each side). */
export function tagAt(text: string, offset: number): 'person' | 'other' | undefined {
  const from = Math.max(0, offset - 400);
  const head = text.slice(from, offset);
  const boundary = Math.max(lastSentenceEnd(head), head.lastIndexOf('\n\n'));
  const start = boundary >= 0 ? from + boundary + 1 : from;
  const tail = text.slice(offset, offset + 400);
  const stop = tail.search(/[.!?](?:\s|$)|\n\n/);
  const end = stop >= 0 ? offset + stop + 1 : offset + tail.length;
  const lead = text.slice(start, end).length - text.slice(start, end).trimStart().length;
  const sentence = text.slice(start + lead, end);
  return cachedPersonTokens(sentence).get(offset - start - lead);
}

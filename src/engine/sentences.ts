/** Sentence splitting with parse-english (the parser behind retext-english). */
import { ParseEnglish } from 'parse-english';
import { toString } from 'nlcst-to-string';

export interface Sentence {
  /** Offsets relative to the text passed in. */
  start: number;
  end: number;
  text: string;
}

const parser = new ParseEnglish();

/** Sentences of a piece of prose, with their offsets. */
export function splitSentences(text: string): Sentence[] {
  const tree = parser.parse(text);
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const start = sentence.position?.start.offset ?? 0;
      const end = sentence.position?.end.offset ?? start;
      sentences.push({ start, end, text: toString(sentence) });
    }
  }
  return sentences;
}

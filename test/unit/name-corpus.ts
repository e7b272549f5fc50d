/**
 * Scoring personal-name detection on a labelled corpus: names that must be
 * found are written `{{Jane Brown}}`; every other word must not be flagged.
 * Scores are per word (titles such as “Mr” or “PC” are not scored): a word inside a labelled name is a positive; a word
 * inside an `anonymisation` message with `data.kind = "name"` is a prediction.
 */
import { readFileSync } from 'node:fs';
import { HONORIFICS, PROFESSIONAL_TITLES, wordKey } from '../../src/engine/identifiers/index.js';
import { lintWithRule } from './helpers.js';

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  falseAlarms: string[];
}

export function readCorpus(path: string): { text: string; gold: { start: number; end: number }[] } {
  const raw = readFileSync(path, 'utf8');
  let text = '';
  const gold: { start: number; end: number }[] = [];
  let last = 0;
  for (const m of raw.matchAll(/\{\{([^{}\n]{1,80})\}\}/g)) {
    text += raw.slice(last, m.index);
    gold.push({ start: text.length, end: text.length + m[1]!.length });
    text += m[1];
    last = m.index + m[0].length;
  }
  text += raw.slice(last);
  return { text, gold };
}

export function scoreNames(path: string, options: Record<string, unknown>): Score {
  const { text, gold } = readCorpus(path);
  const messages = lintWithRule('anonymisation', text, options).filter((m) => m.data?.kind === 'name');
  const words = [...text.matchAll(/\p{L}[\p{L}'\u2019-]*/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const inside = (w: { start: number }, spans: { start: number; end: number }[]) =>
    spans.some((s) => w.start >= s.start && w.start < s.end);
  const predicted = messages.map((m) => ({ start: m.startOffset, end: m.endOffset }));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const w of words) {
    // Titles ("Mr", "Dr", "PC") are labelled with the name but are not themselves identifying: not scored.
    if (HONORIFICS.has(wordKey(w.text)) || PROFESSIONAL_TITLES.has(wordKey(w.text))) continue;
    const g = inside(w, gold);
    const p = inside(w, predicted);
    if (g && p) tp++;
    else if (p) {
      fp++;
      falseAlarms.push(w.text);
    } else if (g) {
      fn++;
      missed.push(w.text);
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1, missed, falseAlarms };
}

/** The period under review, from the front matter. */
import type { Report } from '../report.js';
import { dateEndKey, dateKey, parseDate } from '../dates.js';
import { stringValue } from '../front-matter.js';

export interface ReviewPeriod {
  startKey: number;
  endKey: number;
  /** As written, for messages. */
  startText: string;
  endText: string;
  from: 'terms-of-reference' | 'front-matter';
}

/** Front matter `period-start` / `period-end`, when both read as dates. */
export function frontMatterPeriod(report: Report): ReviewPeriod | undefined {
  const startText = stringValue(report.frontMatter.data['period-start']);
  const endText = stringValue(report.frontMatter.data['period-end']);
  if (!startText || !endText) return undefined;
  const start = parseDate(startText);
  const end = parseDate(endText);
  if (!start?.valid || !end?.valid) return undefined;
  return { startKey: dateKey(start), endKey: dateEndKey(end), startText, endText, from: 'front-matter' };
}

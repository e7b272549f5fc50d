import { defineRule } from '../src/engine/rule.js';
import { maskMarkup } from '../src/engine/blocks.js';
import { findDates } from '../src/engine/dates.js';
import { splitSentences } from '../src/engine/sentences.js';
import { phraseRegExp } from '../src/engine/text.js';
import { headingRange, termsOfReference } from '../src/engine/tor.js';
import anchors from '../src/data/case-anchors.json' with { type: 'json' };

/** A line of enquiry: a question, or an item that opens like one (“Whether…”, “To what extent…”, “To examine how…”). */
const OPENS_LIKE_QUESTION =
  /^\s*(?:[-*+]\s+|\d+[.)]\s+|[a-z][.)]\s+)?(?:how|what|whether|why|when|where|which|who|to what extent|did|do|does|was|were|is|are|had|has|could|should|would|to (?:examine|establish|explore|assess|identify|consider|determine|understand) (?:how|whether|what|why|the extent))\b/i;
const MONTH = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:19|20)\d\d\b/i;
const FAMILY = phraseRegExp([...anchors.childRoles, ...anchors.familyRoles, ...anchors.topics], 'iu')!;
const PERSON = /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]\b|\bChild\s+[A-Z]\b|\bAdult\s+[A-Z]\b/;

export interface Enquiry {
  start: number;
  end: number;
  text: string;
}

/** The lines of enquiry in the terms of reference, with document offsets. */
export function linesOfEnquiry(blocks: { start: number; source: string }[]): Enquiry[] {
  const found: Enquiry[] = [];
  for (const block of blocks) {
    const text = maskMarkup(block.source);
    for (const sentence of splitSentences(text)) {
      const trimmed = sentence.text.trim();
      if (trimmed.endsWith('?') || OPENS_LIKE_QUESTION.test(trimmed)) {
        found.push({ start: block.start + sentence.start, end: block.start + sentence.end, text: trimmed });
      }
    }
  }
  return found;
}

/** Does a line of enquiry name something of this case: the child, a family member, a period, an event? */
export function isCaseSpecific(text: string, childNames: readonly string[]): boolean {
  if (MONTH.test(text) || findDates(text).length > 0 || PERSON.test(text)) return true;
  FAMILY.lastIndex = 0;
  if (FAMILY.test(text)) return true;
  const names = phraseRegExp(childNames, 'iu');
  return names ? names.test(text) : false;
}

export default defineRule(
  {
    id: 'tor-questions',
    summary: 'The terms of reference set key lines of enquiry about this case.',
    description:
      'Looks in the terms of reference for key lines of enquiry: sentences that end with a question mark, ' +
      'or items that open like one (“Whether…”, “How…”, “To what extent…”, “To examine how…”). At least one ' +
      'must be specific to this case: it names the child (pseudonym from front matter `child:` or a role ' +
      'such as “the baby”, “the children”), a family member or the household, a date, month or year, or a ' +
      'case-specific subject (missed appointments, domestic abuse, seen alone…). No lines of enquiry at all ' +
      'is reported at the heading; lines that could apply to any case are reported at the first of them.',
    why:
      'Specific terms of reference have “key lines of enquiry written as questions about this case”; ' +
      '“questions that could apply to any case” and “consider whether lessons can be learned” with no ' +
      'question attached are signals of vagueness. Primer §3.',
    primer: '§3 Terms of reference: specific versus vague',
    defaultSeverity: 'warning',
    fixable: false,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Questions about this case are left alone',
        markdown: `## Terms of reference\n\nKey lines of enquiry:\n\n- How did agencies assess who was living in the household between March and August 2008?\n- Was Child A seen alone by the health visitor?\n`,
        flags: [],
      },
      {
        title: '“Whether…” items count as lines of enquiry',
        markdown: `## Terms of reference\n\n1. Whether the missed appointments in 2008 were recognised as neglect.\n`,
        flags: [],
      },
      {
        title: 'No lines of enquiry at all',
        markdown: `## Terms of reference\n\nThe review covers the period from 1 March 2007 to 3 August 2008.\n`,
        flags: [{ line: 1, message: 'key lines of enquiry' }],
      },
      {
        title: 'Questions that could apply to any case',
        markdown: `## Terms of reference\n\n- Were procedures followed?\n- Was information shared effectively between agencies?\n`,
        flags: [{ line: 3, message: 'could apply to any case' }],
      },
    ],
  },
  ({ report, flag }) => {
    const tor = termsOfReference(report);
    if (!tor) return;
    const enquiries = linesOfEnquiry(tor.blocks);
    if (enquiries.length === 0) {
      flag({
        ...headingRange(tor.section),
        message:
          'The terms of reference set no key lines of enquiry. Add questions about this case, such as “How did ' +
          'agencies assess who was living in the household between March and August?”',
      });
      return;
    }
    if (enquiries.some((e) => isCaseSpecific(e.text, report.childNames))) return;
    const first = enquiries[0]!;
    flag({
      start: first.start,
      end: first.end,
      message:
        'These lines of enquiry could apply to any case. Add at least one question about this case that names ' +
        'the child, a family member, a period or an event.',
    });
  },
);

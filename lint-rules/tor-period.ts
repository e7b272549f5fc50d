import { defineRule } from '../src/engine/rule.js';
import { dateEndKey, dateKey } from '../src/engine/dates.js';
import { maskMarkup } from '../src/engine/blocks.js';
import { findPeriod, headingRange, termsOfReference } from '../src/engine/tor.js';
import { stringValue } from '../src/engine/front-matter.js';

export default defineRule(
  {
    id: 'tor-period',
    summary: 'The terms of reference give the period under review with two explicit dates.',
    description:
      'Looks in the terms of reference (any heading that means it: “Terms of reference”, “Scope of the ' +
      'review”, “Remit”) for a period given by two explicit dates joined as a period: “from 1 March 2007 to ' +
      '3 August 2008”, “between 03/03/2007 and 03/08/2008”, “March 2007 – August 2008”. UK day-first dates, ' +
      'month-year dates and ISO dates count; a year alone or “the relevant period” does not. A period that ' +
      'ends before it starts is reported too. When front matter has `period-start` and `period-end`, the ' +
      'message says so.',
    why:
      'Inspectors graded vague terms of reference as a mark of an inadequate review; the first element of ' +
      'specific terms is “a period under review with explicit start and end dates (and why it starts ' +
      'there)”. Primer §3.',
    primer: '§3 Terms of reference: specific versus vague',
    defaultSeverity: 'warning',
    fixable: false,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'A period from one date to another is left alone',
        markdown: `## Terms of reference\n\nThe review covers the period from 1 March 2007 to 3 August 2008, when Child A was admitted to hospital.\n`,
        flags: [],
      },
      {
        title: 'Between two numeric dates, or month to month, is left alone',
        markdown: `## Scope of the review\n\nThe period under review is between 03/03/2007 and 03/08/2008.\n\n## Remit\n\nAgencies reviewed their contact from March 2007 – August 2008.\n`,
        flags: [],
      },
      {
        title: 'No dates at all',
        markdown: `## Terms of reference\n\nThe review will examine agency involvement with the family during the relevant period.\n`,
        flags: [{ line: 1, message: 'period under review' }],
      },
      {
        title: 'A clause between the two dates is fine when the period is announced',
        markdown: `## Terms of reference\n\nThe review covers the period from 1 March 2007, when Mother booked her pregnancy, to 3 August 2008, when Child A was admitted to hospital.\n`,
        flags: [],
      },
      {
        title: 'Two unrelated dates are not a period',
        markdown: `## Terms of reference\n\nChild A was born on 18 October 2007. The Board met on 28 August 2008 and agreed these terms.\n`,
        flags: [{ line: 1 }],
      },
      {
        title: 'A year alone is not an explicit date',
        markdown: `## Terms of reference\n\nThe review covers 2007 to 2008.\n`,
        flags: [{ line: 1 }],
      },
      {
        title: 'A period that ends before it starts',
        markdown: `## Terms of reference\n\nThe review covers the period from 1 March 2008 to 3 August 2007.\n`,
        flags: [{ line: 3, message: 'ends before it starts' }],
      },
      {
        title: 'No terms of reference section: nothing to check here (required-sections reports it)',
        markdown: `## Introduction\n\nChild A was born in 2006.\n`,
        flags: [],
      },
    ],
  },
  ({ report, flag }) => {
    const tor = termsOfReference(report);
    if (!tor) return;
    for (const block of tor.blocks) {
      const period = findPeriod(maskMarkup(block.source));
      if (!period) continue;
      if (dateKey(period.start) > dateEndKey(period.end)) {
        flag({
          start: block.start + period.start.start,
          end: block.start + period.end.end,
          message: `The period under review ends before it starts (${period.start.text} to ${period.end.text}). Put the start date first.`,
          expected: [`${period.end.text} to ${period.start.text}`],
        });
      }
      return;
    }
    const fmStart = stringValue(report.frontMatter.data['period-start']);
    const fmEnd = stringValue(report.frontMatter.data['period-end']);
    const hint =
      fmStart && fmEnd
        ? `The front matter gives ${fmStart} to ${fmEnd}; say so here, and why the review starts there.`
        : 'Give explicit start and end dates, such as “from 1 March 2007 to 3 August 2008”, and why the review ' + 'starts there.';
    flag({
      ...headingRange(tor.section),
      message: `The terms of reference give no period under review. ${hint}`,
    });
  },
);

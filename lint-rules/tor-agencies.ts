import { defineRule } from '../src/engine/rule.js';
import { maskMarkup } from '../src/engine/blocks.js';
import { findAgencies } from '../src/engine/gazetteer.js';
import { headingRange, termsOfReference } from '../src/engine/tor.js';
import { quote } from '../src/engine/text.js';

export default defineRule(
  {
    id: 'tor-agencies',
    summary: 'The terms of reference name the agencies asked to contribute.',
    description:
      'Looks in the terms of reference for at least one agency named by type or name, from a built-in ' +
      'gazetteer (children’s social care, police, health visiting, the hospital trust, GP practice, school, ' +
      'probation, CAMHS, housing…) that a board extends with `agencies` in `.casereviewrc`. “All relevant ' +
      'agencies” alone does not name anyone.',
    why:
      'Specific terms of reference name “the agencies asked to contribute, by name”; “all relevant ' +
      'agencies” is listed among the signals of vagueness, and in one well-known case the terms missed the ' +
      'capacity of front-line services. Primer §3.',
    primer: '§3 Terms of reference: specific versus vague',
    defaultSeverity: 'warning',
    fixable: false,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Named agencies are left alone',
        markdown: `## Terms of reference\n\nIndividual management reviews were requested from Northshire Children's Social Care, Northshire Police, the Hospital Trust, the GP practice and Castleford Primary School.\n`,
        flags: [],
      },
      {
        title: 'A board’s own agency names count when configured',
        markdown: `## Terms of reference\n\nReports were requested from the Riverside Family Hub and the Eastgate Partnership.\n`,
        settings: { agencies: ['Riverside Family Hub'] },
        flags: [],
      },
      {
        title: '“All relevant agencies” alone does not count',
        markdown: `## Terms of reference\n\nAll relevant agencies will be asked to contribute.\n`,
        flags: [{ line: 1, message: 'all relevant agencies' }],
      },
      {
        title: 'A common noun is not a named agency (“admitted to hospital”)',
        markdown: `## Terms of reference\n\nThe review covers the period up to when Child A was admitted to hospital. All relevant agencies will contribute.\n`,
        flags: [{ line: 1 }],
      },
      {
        title: 'A terms of reference heading with nothing under it yet (a blank template) is left alone',
        markdown: `## Terms of reference\n\n## Contextual information\n\nThe author should describe the agency’s workload at the time.\n`,
        flags: [],
      },
      {
        title: 'No agency at all',
        markdown: `## Terms of reference\n\nThe review will look at what happened between 1 March 2007 and 3 August 2008.\n`,
        flags: [{ line: 1, message: 'agencies' }],
      },
    ],
  },
  ({ report, flag }) => {
    const tor = termsOfReference(report);
    if (!tor) return;
    let vague: string | undefined;
    for (const block of tor.blocks) {
      const text = maskMarkup(block.source);
      if (findAgencies(text, report.settings.agencies).length > 0) return;
      vague ??= /\b(?:all|any|other)\s+(?:relevant\s+|appropriate\s+|key\s+|involved\s+)?agencies\b/i.exec(text)?.[0];
    }
    flag({
      ...headingRange(tor.section),
      message: `The terms of reference name no agencies${vague ? ` (${quote(vague.toLowerCase())} names none)` : ''}. Name each agency asked to contribute, for example “Children's Social Care, the Police, the Hospital Trust and the GP practice”.`,
    });
  },
);

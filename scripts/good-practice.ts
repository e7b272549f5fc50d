/**
 * “What good practice says”: one short paragraph per point of the domain primer
 * (/work/shared/domain/primer.md, sections 1 to 10), in our own words, so that a
 * rule's help is complete without the primer. The rule docs cite these points by
 * number (a rule's `primer` field: “§3 Terms of reference…”).
 */
export const GOOD_PRACTICE: Record<number, { title: string; text: string }> = {
  1: {
    title: 'The documents of a case review',
    text: 'When a child dies or is seriously harmed and abuse or neglect is known or suspected, the safeguarding board asks how the agencies worked together. Each agency writes its own critical account (an Individual Management Review), usually from the board’s prompted template and by an author independent of the case’s line management. An independent overview author draws these together into the overview report, and writes an executive summary for publication: it is anonymised, must represent the full report fairly, and carries the action plan in full and the panel members by job title and organisation.',
  },
  2: {
    title: 'The sections readers expect',
    text: 'Reports are read by panels, boards, inspectors and the public, who look for the same parts in the same places: an introduction, the terms of reference, how the review was done, the background and chronology, the analysis, what was learned, the recommendations and the action plan, and in an overview report the family’s involvement and composition. Boards word their headings differently, so what matters is that each part is there, not its exact title. A missing part usually means a question the review did not answer.',
  },
  3: {
    title: 'Terms of reference: specific, not vague',
    text: 'Inspectors have judged vague or over-general terms of reference a mark of an inadequate review. Good terms of reference give the period under review with a start and an end date (and why it starts there), name the agencies asked to contribute, set out the key lines of enquiry as questions about this child and this case, say how the family will be involved, give the timescale and any parallel processes such as a trial or an inquest, and state that the chair and author are independent. Phrases such as “all relevant agencies”, “any other relevant matters” or “the relevant period” could be written about any case, and tell the reader nothing.',
  },
  4: {
    title: 'Recommendations: SMART, few, and tied to findings',
    text: 'A recommendation is only useful if someone can act on it and the board can later see whether it worked. That means a concrete change rather than “review procedures” or “raise awareness”; a named agency or role that owns it (not “all staff”, and not a passive “should be reviewed”); a date, or a period after a known event, rather than “as soon as possible” or “ongoing”; and the evidence that will show success, ideally an outcome for children rather than “policy signed off”. Each should follow from a finding in the report, and there should be few of them: reviews with dozens of recommendations are hard to deliver and to monitor.',
  },
  5: {
    title: 'Keeping the child in view',
    text: 'The finding reviews repeat most often is that the child was lost from view behind the adults and the agencies’ processes. A good report describes the child’s daily life, records the child’s wishes and feelings and whether the child was seen (and seen alone) at key points, considers brothers, sisters and other children in the household, knows every adult around the child (including fathers, partners and visiting men), analyses race, language, culture, religion and disability, and does not take parents’ accounts at face value. A child health appointment that was missed is written “was not brought”, because the child depends on an adult to take them.',
  },
  6: {
    title: 'Hindsight and blame',
    text: 'A review should explain why practitioners acted as they did, judged by what they knew at the time. Wording such as “it is now clear that”, “obviously” or “should have known” reads the outcome back into the past; it is not always wrong, but the author should justify it, so the report learns from the case rather than assigns blame.',
  },
  7: {
    title: 'Chronologies',
    text: 'A chronology lists the events in date order, with the date the event happened (not the date it was recorded), the agency, the source (a record or a person), what happened in plain, non-judgemental words, whether the child was seen and what the child said, the action taken, and what it meant for the child. Dates are written day first, as is usual in the UK, and an uncertain date is marked, for example with “c.” or a “?”. A multi-agency chronology merges the agencies’ chronologies and names the agency on each row.',
  },
  8: {
    title: 'Action plans',
    text: 'The action plan is how the board follows the recommendations through. It has a row for each action, saying which recommendation it serves, what will be done, the one agency or officer who leads it, the target date, how success will be measured, and the progress so far (often red, amber or green). Every recommendation needs at least one action, and every action one lead and one date.',
  },
  9: {
    title: 'Publication and anonymisation',
    text: 'Executive summaries, and often full reports, are published. Children and family members are given pseudonyms or letters (“Child A”, “Mother”, “Mr G”) and professionals are described by role. Anything that would let a reader identify the family comes out before publication: real names, dates of birth, addresses and postcodes, school or street names, NHS and case numbers, and distinctive medical details.',
  },
  10: {
    title: 'Acronyms',
    text: 'Reports are read by the public and by professionals from other agencies, who do not share each other’s shorthand. Spell an acronym out the first time it is used (“Multi-Agency Risk Assessment Conference (MARAC)”), or list it in a glossary.',
  },
};

/** The primer points a rule cites (its `primer` field: “§5 Child focus; §7 Chronologies”), in order, once each. */
export function citedPoints(primer: string): number[] {
  return [...new Set([...primer.matchAll(/§(\d+)/g)].map((m) => Number(m[1])).filter((n) => GOOD_PRACTICE[n]))];
}

/**
 * A rule's meta text as an author reads it: primer citations become references to the
 * points below (“good practice point 3”), and data file paths become “a built-in list”.
 */
export function forAuthors(text: string): string {
  return text
    .replace(/\b(P|p)rimer §(\d+)/g, (_, p: string, n: string) => `${p === 'P' ? 'Good' : 'good'} practice point ${n}`)
    .replace(/§(\d+)/g, 'point $1')
    .replace(/\(\\?`src\/data\/[a-z-]+\.json\\?`: /g, '(a built-in list: ')
    .replace(/(?:list|data) in \\?`src\/data\/[a-z-]+\.json\\?`/g, 'a built-in list')
    .replace(
      /\(\\?`src\/data\/[a-z-]+\.json\\?`(?:,\s*\\?`src\/data\/[a-z-]+\.json\\?`)*(,\s*)?/g,
      (_, comma?: string) => `(a built-in list${comma ? ', ' : ''}`,
    )
    .replace(/in \\?`src\/data\/[a-z-]+\.json\\?`/g, 'in a built-in list')
    .replace(/\\?`src\/data\/[a-z-]+\.json\\?`/g, 'a built-in list')
    .replace(/are data \(a built-in list\)/g, 'are a built-in list')
    .replace(/is data \(a built-in list\)/g, 'is a built-in list')
    .replace(/The phrase list is a built-in list/g, 'The phrases are a built-in list')
    .replace(/are data \(a built-in list, /g, 'are a built-in list (')
    .replace(/The list is a built-in list/g, 'The list is built in');
}

/**
 * Fills a generated report template with invented, realistic content: each
 * section's “> Prompt:” lines are replaced by what a competent author would
 * write for a section with that id (primer §2–§8), for one invented case
 * (Child A, her mother Ms B, the mother's partner Mr C, her brother Child D,
 * her father Mr E; Northshire agencies). Nothing here knows what a rule
 * expects: the text is written per section, not per report type, and the test
 * checks that the linter finds nothing wrong with it.
 */
import type { Profile } from '../../src/engine/types.js';
import type { TemplateAnswers } from '../../src/engine/templates.js';

export const FILLED_ANSWERS: TemplateAnswers = {
  child: ['Child A'],
  agency: 'Northshire Health Visiting Service',
  periodStart: '01/03/2019',
  periodEnd: '31/08/2020',
  reportDate: '15/03/2021',
};

/** Report types whose chronology is one agency's (no Agency column). */
const SINGLE_AGENCY = new Set(['imr']);

/** A few SMART recommendations (primer §4) and their action plan rows (§8); an IMR's are its own agency's. */
function recommendations(profile: Profile): { text: string; action: string[] }[] {
  const household =
    profile.id === 'imr'
      ? {
          text: 'The Northshire Health Visiting Service will add a record of every adult living in or regularly visiting the home to each review of a child under five, and health visitors will speak to each of those adults. The named nurse for safeguarding will audit 20 records by 30/09/2021 and report the proportion that meet this standard to the Safeguarding Partnership.',
          action: [
            '1',
            'Add a household members section to the health visiting review template and train health visitors in its use',
            'Named nurse for safeguarding, Northshire Health Visiting Service',
            '30/09/2021',
            'Audit of 20 records: at least 90% name every adult in the household',
            'Amber',
          ],
        }
      : {
          text: 'Northshire Children’s Social Care will change its assessment procedure so that every assessment of a child under five names each adult living in or regularly visiting the home and records a conversation with each of them. The head of service will audit 20 assessments by 30/09/2021 and report the proportion that meet this standard to the Safeguarding Partnership.',
          action: [
            '1',
            'Add a household members section to the assessment template and train team managers in its use',
            'Head of service, Northshire Children’s Social Care',
            '30/09/2021',
            'Audit of 20 assessments: at least 90% name every adult in the household',
            'Amber',
          ],
        };
  return [
    household,
    {
      text: 'The Northshire Health Visiting Service will tell the family’s health visitor within two working days when a child under two was not brought to an immunisation or health appointment. The named nurse for safeguarding will audit 30 records by 31/12/2021 and report compliance to the Safeguarding Partnership.',
      action: [
        '2',
        'Set up an automatic notice from the clinic system to the health visitor when a child under two was not brought',
        'Named nurse for safeguarding, Northshire Health Visiting Service',
        '31/12/2021',
        'Audit of 30 records: notice sent within two working days in at least 95%',
        'Green',
      ],
    },
  ];
}

function chronology(single: boolean): string {
  const rows = [
    [
      '04/06/2019',
      'Health visiting',
      'Health visitor’s notes',
      'Routine review at home; Ms B said that Mr C was helping with the children.',
      'Yes – seen with parent',
      'Child A weighed and seen playing; next visit booked for six weeks later.',
    ],
    [
      '17/07/2019',
      'Health visiting',
      'Clinic attendance record',
      'Child A was not brought to her 12-month review at the clinic.',
      'No – not brought',
      'Letter sent to Ms B offering a home visit.',
    ],
    [
      '02/09/2019',
      'Health visiting',
      'Health visitor’s notes',
      'Home visit; Child A had a small bruise on her cheek, which Ms B said came from a fall against a table.',
      'Yes – seen alone for part of the visit',
      'Bruise recorded on a body map; health visitor discussed it with the named nurse the same day.',
    ],
    [
      '10/02/2020',
      'Health visiting',
      'Health visitor’s notes',
      'Home visit; Mr C answered the door and said that Ms B and Child A were out.',
      'No – not seen',
      'Visit rebooked for the following week and Ms B telephoned.',
    ],
    [
      '09/08/2020',
      'Health visiting',
      'Hospital liaison record',
      'The hospital told the health visitor that Child A had been admitted with a head injury.',
      'No – in hospital',
      'Records shared with Northshire Children’s Social Care the same day.',
    ],
  ];
  if (single) {
    return [
      '| Date | Source | Event | Child seen / child’s views | Action / outcome |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map(([date, , source, event, seen, action]) => `| ${date} | ${source} | ${event} | ${seen} | ${action} |`),
    ].join('\n');
  }
  const multi = [
    [
      '12/03/2019',
      'Police',
      'Incident log',
      'A neighbour called the police about shouting at the home; officers spoke to Ms B at the door.',
      'No – not seen',
      'Domestic abuse risk assessment completed (standard risk); notice sent to Children’s Social Care.',
    ],
    ...rows.filter(([date]) => date !== '09/08/2020'),
    [
      '21/11/2019',
      'Children’s Social Care',
      'Referral record',
      'The nursery reported a bruise on Child D’s arm.',
      'Yes – Child D seen alone at the nursery',
      'Strategy discussion held; single agency assessment started.',
    ],
    [
      '09/08/2020',
      'Hospital',
      'Emergency department notes',
      'Child A was brought to hospital with a head injury; Mr C said she had fallen from the sofa.',
      'Yes – seen with Mr C',
      'Skeletal survey; police and Children’s Social Care told the same day.',
    ],
  ].sort((a, b) => a[0]!.split('/').reverse().join('').localeCompare(b[0]!.split('/').reverse().join('')));
  return [
    '| Date | Agency | Source | Event | Child seen / child’s views | Action / outcome |',
    '| --- | --- | --- | --- | --- | --- |',
    ...multi.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

const SECTION_TEXT: Record<string, (profile: Profile) => string> = {
  introduction: (profile) =>
    [
      profile.id === 'imr'
        ? 'This report is the Northshire Health Visiting Service’s individual management review of its work with Child A and her family. The Northshire Safeguarding Children Partnership asked for it on 14/09/2020.'
        : 'The Northshire Safeguarding Children Partnership commissioned this review on 14/09/2020.',
      'In August 2020 Child A, then aged 22 months, was admitted to hospital with a fractured skull and bruising to her back. Child A lived with her mother, Ms B, her brother, Child D, who was then five, and her mother’s partner, Mr C.',
      'The author is a designated nurse from a neighbouring area who has had no involvement with the family and is independent of the line management of the practitioners involved.',
    ].join('\n\n'),
  'terms-of-reference': () =>
    [
      'The review covers the period from 01/03/2019 to 31/08/2020. It starts with the first call to the police about domestic abuse at the home and ends with Child A’s discharge from hospital.',
      'Northshire Children’s Social Care, Northshire Police, the Northshire Health Visiting Service and Northshire Hospital Trust were asked to contribute.',
      'The key lines of enquiry are:',
      '1. How did agencies find out who was living in Child A’s household between March 2019 and August 2020?\n2. How was the bruise seen on Child A in September 2019 assessed, and was she seen alone?\n3. What was known about Mr C, and how was his part in caring for Child A and Child D considered?',
      'Ms B and Child A’s father, Mr E, were invited to contribute. The review was to be completed within six months; the criminal trial of Mr C delayed the final report by six weeks.',
    ].join('\n\n'),
  methodology: () =>
    'The author examined the health visiting records, the clinic attendance records, the hospital liaison records and the safeguarding supervision notes, which were secured on 21/09/2020. The author interviewed the family’s health visitor, the named nurse for safeguarding and the team leader of the health visiting team, and read the chronologies the other agencies provided.',
  context: () =>
    'During the period the health visiting team had two vacancies and each health visitor held about 450 children, above the planned 300. Safeguarding supervision was planned every three months but took place twice in the period. The service’s policy on bruising in non-mobile babies applied; there was no written guidance on bruising in young toddlers, and no procedure for telling the health visitor when a child was not brought to the clinic.',
  chronology: (profile) => chronology(SINGLE_AGENCY.has(profile.id)),
  analysis: () =>
    [
      'Child A was seen by a health visitor four times in the period, twice with her mother and once alone for part of a visit. Child A was a lively toddler who was walking by her first birthday, and the records describe her playing and babbling. Her daily life at home, with a mother who was tired and low in mood and a new adult in the house, was rarely written about.',
      'When Child A had a bruise on her cheek in September 2019, the health visitor accepted the explanation of a fall. This made sense to the health visitor at the time: Child A was walking, the bruise was small, and the service’s policy on bruising applied only to babies who were not yet mobile. The health visitor did record the bruise on a body map and discussed it with the named nurse the same day, which was in line with the guidance.',
      'Child A was not brought to her 12-month review in July 2019. The letter offering a home visit was the usual response, but the clinic had no way to tell the health visitor. Child A depended on an adult to bring her, and the missed review meant that nobody weighed or checked her for six months.',
      'Mr C was mentioned in the records from June 2019 but was never asked about his history or his part in caring for Child A and Child D. The health visitor saw him as a helpful adult, which is how Ms B described him. The review found no record of what Child A or Child D felt about him, or of their wishes and feelings about their home life.',
      'Child D, Child A’s brother, was seen alone by a social worker after the nursery reported a bruise on his arm in November 2019. That information did not reach the health visitor, so the two bruises on the two children were never considered together.',
    ].join('\n\n'),
  'good-practice': () =>
    'The health visitor recorded the bruise on Child A’s cheek on a body map and sought advice from the named nurse the same day. When Mr C said that Child A was out in February 2020, the health visitor rebooked the visit for the following week and telephoned Ms B, so that Child A was seen eight days later.',
  lessons: () =>
    [
      '1. Practitioners need to know who lives in and visits a young child’s home. Mr C cared for Child A and Child D for more than a year without any agency assessing him (see the analysis of Mr C’s role).',
      '2. A child who is not brought to a health appointment depends on the adults around them. The clinic’s missed review was not passed on, so Child A went six months without a health check.',
      '3. Information about one child in a family matters for the others. The bruise on Child D was not linked with the bruise on Child A.',
    ].join('\n\n'),
  recommendations: (profile) =>
    recommendations(profile)
      .map((r, i) => `${i + 1}. ${r.text}`)
      .join('\n'),
  'action-plan': (profile) =>
    [
      '| Recommendation | Action | Lead agency and officer | Target date | Measure of success | Status (RAG) |',
      '| --- | --- | --- | --- | --- | --- |',
      ...recommendations(profile).map((r) => `| ${r.action.join(' | ')} |`),
    ].join('\n'),
  'family-involvement': () =>
    'Ms B met the lead reviewer twice and read a draft of this report. Mr E, Child A’s father, spoke to the lead reviewer by telephone. Ms B’s view that nobody asked her about Mr C shaped the analysis of how agencies learned who lived in the home. Mr C declined to take part because of the criminal proceedings.',
  'family-composition': () =>
    [
      '| Name | Relationship to Child A | Age at the time of the incident | Ethnicity |',
      '| --- | --- | --- | --- |',
      '| Child A | Subject of the review | 22 months | White British |',
      '| Child D | Brother | 5 years | White British |',
      '| Ms B | Mother | 24 years | White British |',
      '| Mr C | Mother’s partner | 29 years | White British |',
      '| Mr E | Father, living elsewhere | 27 years | White British |',
    ].join('\n'),
  'lived-experience': () =>
    'Child A’s days were spent at home with her mother and, from late 2019, with Mr C, while Child D was at nursery. The records suggest that Child A was often hungry and that her nappies were not changed for long periods. Child A was too young to say what she wished for or how she felt, but she was seen alone only once, and no practitioner recorded how she reacted to Mr C. Child D told his social worker that he was frightened when the adults shouted.',
  equality: () =>
    'The family are White British and speak English. Ms B had been treated for depression since Child D was born, and the review considered how her low mood affected her care of both children. No agency asked Ms B whether her mental health made it harder to bring Child A to appointments. The review found no sign that the family’s background or social class changed how agencies responded, but it notes that Mr C’s account was accepted without question because he presented as calm and cooperative.',
  conclusions: () =>
    'The review cannot say that the injury to Child A could have been predicted from what agencies knew at the time. It does conclude that agencies did not know enough about Mr C, and that the bruises on Child A and Child D were never considered together. Both gaps are the subject of the recommendations below.',
  glossary: () =>
    [
      '| Term | Meaning |',
      '| --- | --- |',
      '| Body map | A diagram on which a practitioner marks the position and size of an injury |',
      '| Strategy discussion | A meeting of police, children’s social care and health to decide whether to start child protection enquiries |',
    ].join('\n'),
  panel: () =>
    [
      'The panel members were:',
      '',
      '- Independent chair, Northshire Safeguarding Children Partnership',
      '- Head of Service, Northshire Children’s Social Care',
      '- Detective Inspector, Northshire Police',
      '- Designated Nurse, Northshire Integrated Care Board',
      '- Named Nurse for Safeguarding, Northshire Health Visiting Service',
    ].join('\n'),
  'learning-event': () =>
    'Eleven practitioners and managers from the police, children’s social care, health visiting and the hospital attended a learning event on 12/11/2020. They described the pressure of high caseloads and said that they had not known that Mr C was living at the home. They agreed that one record of who lives with a young child, shared between agencies, would have helped them see Child A and Child D together.',
  'core-data': () =>
    [
      '| Name | Relationship to Child A | Age at the time of the incident |',
      '| --- | --- | --- |',
      '| Child A | Subject of the review | 22 months |',
      '| Child D | Brother | 5 years |',
      '| Ms B | Mother | 24 years |',
      '| Mr C | Mother’s partner | 29 years |',
      '| Mr E | Father, living elsewhere | 27 years |',
      '',
      'Agencies involved: Northshire Children’s Social Care, Northshire Police, the Northshire Health Visiting Service and Northshire Hospital Trust. The period reviewed runs from 01/03/2019 to 31/08/2020.',
    ].join('\n'),
  'immediate-actions': () =>
    'Child A and Child D were placed with their maternal grandmother on 10/08/2020 under a child protection plan, and Mr C was arrested and released on bail with a condition not to contact either child. Northshire Children’s Social Care checked on 14/08/2020 that no other children lived with Mr C.',
  decision: () =>
    'The Safeguarding Partnership decided on 28/08/2020 that the case meets the criteria for a local child safeguarding practice review, because Child A was seriously harmed and the rapid review found learning about how agencies identify the adults in a young child’s household. The national panel was told the same day.',
};

/** The section ids this filler can write. */
export const FILLABLE_SECTIONS = Object.keys(SECTION_TEXT);

/**
 * The template with every section's prompt(s) replaced by that section's
 * content. Throws for a section id it has no content for, so that a new
 * profile section cannot pass unfilled.
 */
export function fillTemplate(template: string, profile: Profile): string {
  const byTitle = new Map(profile.sections.map((s) => [s.title, s]));
  const out: string[] = [];
  let current: string | undefined;
  let filled = false;
  for (const line of template.split('\n')) {
    if (line.startsWith('## ')) {
      const section = byTitle.get(line.slice(3).trim());
      if (!section) throw new Error(`no profile section titled “${line.slice(3)}” in ${profile.id}`);
      current = section.id;
      filled = false;
      out.push(line);
      continue;
    }
    if (line.startsWith('> Prompt:')) {
      if (!current) throw new Error(`a prompt outside any section in ${profile.id}: ${line}`);
      if (!filled) {
        const write = SECTION_TEXT[current];
        if (!write) throw new Error(`the filler has no content for the section “${current}” (${profile.id})`);
        out.push(write(profile));
        filled = true;
      }
      continue;
    }
    out.push(line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

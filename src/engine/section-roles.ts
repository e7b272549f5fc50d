/**
 * Section roles: what a profile section is for, in the words the rules ask for.
 * A rule asks for “the chronology” or “the recommendations” by role, never by a
 * profile's section id, so a board's own report type (with its own ids and
 * titles) is checked like the built-in ones when its sections name their roles.
 */
import type { Section } from './outline.js';
import type { Report } from './report.js';
import type { Profile, ProfileSection } from './types.js';

/** Every role a profile section can take, with what it means (shown in docs and the profile schema). */
export const SECTION_ROLES = {
  introduction: 'Why the review was held and who it is about.',
  'terms-of-reference': 'The scope: the period under review, the agencies and the key lines of enquiry.',
  methodology: 'How the review was done: the process, the reviewers and their independence.',
  panel: 'Who sat on the review panel.',
  'family-involvement': 'How the family contributed to the review.',
  'family-composition': 'The family and household members, with their relationship to the child.',
  'core-data': 'Basic facts about the child and family (a Scottish learning review’s core data).',
  context: 'The agency’s own context: its services, staffing and pressures.',
  chronology: 'The events in date order: a chronology, timeline, summary of events or facts.',
  'learning-event': 'The event with practitioners at which learning was drawn out.',
  analysis: 'The analysis of practice.',
  'lived-experience': 'The child’s lived experience, wishes and feelings.',
  equality: 'Race, culture, religion, language and disability.',
  lessons: 'The findings and lessons learned.',
  'immediate-actions': 'Actions already taken straight after the incident.',
  conclusions: 'The conclusions.',
  decision: 'The decision the review reached (for example whether to hold a fuller review).',
  recommendations: 'The recommendations.',
  'action-plan': 'The action plan that carries out the recommendations.',
  glossary: 'The glossary of terms and abbreviations.',
} as const satisfies Record<string, string>;

export type SectionRole = keyof typeof SECTION_ROLES;

export const SECTION_ROLE_NAMES = Object.keys(SECTION_ROLES) as SectionRole[];

/** Roles of sections about the review itself (its frame), not the practice it analyses: child focus never judges them. */
export const FRAMING_ROLES: readonly SectionRole[] = [
  'introduction',
  'terms-of-reference',
  'methodology',
  'family-involvement',
  'family-composition',
  'panel',
  'context',
  'recommendations',
  'action-plan',
  'glossary',
  'decision',
  'core-data',
  'learning-event',
];

export function isSectionRole(value: unknown): value is SectionRole {
  return typeof value === 'string' && Object.hasOwn(SECTION_ROLES, value);
}

/**
 * Section ids of earlier profiles, and of boards' configs written for them,
 * that mean a role without naming it.
 */
const ROLE_OF_OLD_ID: Readonly<Record<string, SectionRole>> = {
  timeline: 'chronology',
  facts: 'chronology',
  'summary-of-events': 'chronology',
  'key-issues': 'analysis',
  'early-learning': 'lessons',
};

/** A profile section's role: its own `role`, else the role its id names (a board section “chronology”), else none. */
export function roleOf(section: Pick<ProfileSection, 'id' | 'role'>): SectionRole | undefined {
  if (section.role) return section.role;
  if (isSectionRole(section.id)) return section.id;
  return ROLE_OF_OLD_ID[section.id];
}

/** The profile's sections that have one of these roles, in profile order. */
export function profileSectionsWithRole(profile: Profile, ...roles: SectionRole[]): ProfileSection[] {
  return profile.sections.filter((s) => {
    const role = roleOf(s);
    return role !== undefined && roles.includes(role);
  });
}

/** The role of each profile section an outline section stands for (undefined for a section without one). */
export function rolesOf(report: Report, section: Section): (SectionRole | undefined)[] {
  return section.matches.map((id) => {
    const profileSection = report.profile.sections.find((p) => p.id === id);
    return profileSection ? roleOf(profileSection) : undefined;
  });
}

/** Does this outline section stand for a profile section with one of these roles? */
export function hasRole(report: Report, section: Section, ...roles: SectionRole[]): boolean {
  if (section.matches.length === 0) return false;
  return profileSectionsWithRole(report.profile, ...roles).some((p) => section.matches.includes(p.id));
}

/** The outline sections that stand for a profile section with one of these roles, in document order. */
export function sectionsWithRole(report: Report, ...roles: SectionRole[]): Section[] {
  const ids = profileSectionsWithRole(report.profile, ...roles).map((p) => p.id);
  if (ids.length === 0) return [];
  return report.outline.filter((s) => s.matches.some((id) => ids.includes(id)));
}

/**
 * Prompted report templates, generated from the report profiles (one source of
 * truth): front matter, every profile section in order, and under each heading
 * its prompt as a “> Prompt:” blockquote, which template-placeholder flags until
 * the author replaces it.
 */
import type { Profile } from './types.js';
import { roleOf } from './section-roles.js';

export interface TemplateAnswers {
  /** The child's pseudonym(s). */
  child?: string[];
  /** The agency (IMRs). */
  agency?: string;
  periodStart?: string;
  periodEnd?: string;
  reportDate?: string;
  /** The author's name or role, and their independence from the case. */
  author?: string;
  independence?: string;
}

/** A YAML scalar that survives any text: quoted when it could be misread. */
function yamlScalar(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .,'’()/-]*$/u.test(value) && !/^(?:yes|no|true|false|null|on|off)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function frontMatter(profile: Profile, answers: TemplateAnswers): string {
  const lines = ['---', `report-type: ${profile.id}`];
  const child = answers.child?.filter(Boolean) ?? [];
  lines.push(
    child.length === 0
      ? 'child: Child A'
      : child.length === 1
        ? `child: ${yamlScalar(child[0]!)}`
        : `child: [${child.map(yamlScalar).join(', ')}]`,
  );
  if (profile.id === 'imr' || answers.agency) lines.push(`agency: ${yamlScalar(answers.agency ?? '[insert agency]')}`);
  // An executive summary names its overview report, which it is compared with (summary-consistency).
  if (profile.id === 'executive-summary') lines.push(`overview: ${yamlScalar('[insert the overview report’s file name]')}`);
  lines.push(`period-start: ${yamlScalar(answers.periodStart ?? 'DD/MM/YYYY')}`);
  lines.push(`period-end: ${yamlScalar(answers.periodEnd ?? 'DD/MM/YYYY')}`);
  lines.push(`report-date: ${yamlScalar(answers.reportDate ?? 'DD/MM/YYYY')}`);
  if (answers.author) lines.push(`author: ${yamlScalar(answers.author)}`);
  lines.push('---');
  return lines.join('\n');
}

function title(profile: Profile, answers: TemplateAnswers): string {
  const subject = profile.id === 'imr' ? (answers.agency ?? answers.child?.[0]) : answers.child?.[0];
  return `# ${profile.title}${subject ? `: ${subject}` : ''}`;
}

/** Extra guidance for the introduction, from the answers given. */
function introductionNote(answers: TemplateAnswers): string {
  if (!answers.independence && !answers.author) return '';
  const who = answers.author ? `The author is ${answers.author}` : 'The author';
  return `\n> Prompt: ${who}${answers.independence ? ` (${answers.independence})` : ''}: say here how the author is independent of the case and its line management.\n`;
}

/** The Markdown of a new report of this profile's type. */
export function renderTemplate(profile: Profile, answers: TemplateAnswers = {}): string {
  const parts = [frontMatter(profile, answers), '', title(profile, answers), ''];
  for (const section of profile.sections) {
    parts.push(`## ${section.title}`, '', `> Prompt: ${section.prompt}`);
    if (roleOf(section) === 'introduction') parts.push(introductionNote(answers).trimEnd());
    parts.push('');
  }
  return `${parts
    .filter((p, i, all) => !(p === '' && all[i - 1] === ''))
    .join('\n')
    .trimEnd()}\n`;
}

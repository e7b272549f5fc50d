/**
 * A real-report study file as the linter should see it. Study files keep where the
 * text came from in their front matter (`source-url:`, `board:`, `year:`,
 * `document:`, `part:`); the report itself never had that front matter, so it is
 * replaced by the report type, and an excerpt that starts without a heading gets
 * one for the part of the report it came from (rules read sections by heading).
 * Contents lists (`part: contents`) are scored for section matching alone.
 * Any other file is returned as it is.
 */
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

const TYPES: Record<string, string> = {
  overview: 'overview',
  'executive-summary': 'executive-summary',
  imr: 'imr',
  lcspr: 'lcspr',
  'rapid-review': 'rapid-review',
  'child-practice-review': 'child-practice-review',
  'learning-review': 'learning-review',
};

const PART_HEADINGS: Record<string, string> = {
  introduction: 'Introduction',
  'terms of reference': 'Terms of reference',
  methodology: 'Methodology',
  family: 'Family involvement',
  background: 'Background',
  narrative: 'Summary of events',
  analysis: 'Analysis',
  findings: 'Findings',
  recommendations: 'Recommendations',
  'action plan': 'Action plan',
  glossary: 'Glossary',
};

function field(frontMatter: string, key: string): string | undefined {
  const m = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(frontMatter);
  return m ? m[1]!.trim().replace(/^["']|["']$/g, '') : undefined;
}

export function studyText(raw: string): string {
  const fm = FRONT_MATTER.exec(raw);
  if (!fm || field(fm[1]!, 'source-url') === undefined) return raw;
  const document = field(fm[1]!, 'document') ?? 'overview';
  const part = (field(fm[1]!, 'part') ?? 'other').toLowerCase();
  let body = raw.slice(fm[0].length);
  const type = TYPES[document] ?? 'overview';
  if (part === 'contents') {
    return `---\nreport-type: ${type}\n---\n${body}\n<!-- accuracy\nonly required-sections\n-->\n`;
  }
  // Excerpts are fragments, linted as part of an overview report (an executive summary's
  // comparison with its overview, and other whole-document checks, cannot run on a fragment).
  const heading = PART_HEADINGS[part];
  if (heading && !/^\s*#/.test(body)) {
    // The added heading sits above the excerpt's own headings: “## Health:” becomes “### Health:” under “## Recommendations”.
    if (/^##?\s/m.test(body)) body = body.replace(/^(#{1,5})(?=\s)/gm, '#$1');
    body = `## ${heading}\n\n${body}`;
  }
  return `---\nreport-type: ${type}\n---\n${body}\n<!-- accuracy\nfragment\n-->\n`;
}

/**
 * Labels of an accuracy fixture: HTML comment blocks that says which findings
 * are right, which are debatable, and which rules are scored.
 *
 *     <!-- accuracy
 *     source: paraphrase of a pattern seen in an overview report (2014)
 *     fragment
 *     only anonymisation acronym-first-use
 *     flag anonymisation "Darren Mitchell"
 *     maybe acronym-first-use "GP"
 *     -->
 *
 * - `flag RULE "text"`: the rule must report it (a finding whose covered text or
 *   message contains the text); a finding it matches is right, and no finding is a miss.
 * - `maybe RULE "text"`: a finding it matches is debatable (neither right nor wrong).
 * - Every other finding of a scored rule is wrong.
 * - `fragment`: the text is part of a report, so rules that judge a whole document
 *   (missing sections, whether the child's voice appears anywhere…) are not scored.
 * - `only RULE…`: score these rules alone (for example an outline: `only required-sections`).
 * - `source:` says where the pattern comes from (free text).
 */

export interface Label {
  kind: 'flag' | 'maybe';
  ruleId: string;
  text: string;
  /** 1-based line of the label in its file, for error messages. */
  line: number;
}

export interface Labels {
  labels: Label[];
  fragment: boolean;
  only?: string[];
  source?: string;
}

export class LabelError extends Error {}

const BLOCK = /<!--\s*accuracy\b([\s\S]*?)-->/g;
const LABEL = /^(flag|maybe)\s+([a-z][a-z-]*)\s+"((?:[^"\\]|\\.)+)"\s*$/;

/** The labels in a fixture's text (all its blocks); throws LabelError (with the line) for a line it cannot read. */
export function readLabels(text: string): Labels {
  const result: Labels = { labels: [], fragment: false };
  for (const block of text.matchAll(BLOCK)) {
    const firstLine = text.slice(0, block.index).split('\n').length;
    block[1]!.split('\n').forEach((raw, i) => readLine(raw.trim(), firstLine + i, result));
  }
  return result;
}

function readLine(line: string, lineNumber: number, result: Labels): void {
  if (!line || line.startsWith('#')) return;
  if (line === 'fragment') {
    result.fragment = true;
    return;
  }
  if (line.startsWith('source:')) {
    result.source = line.slice('source:'.length).trim();
    return;
  }
  if (line.startsWith('only ')) {
    result.only = line.slice(5).trim().split(/\s+/);
    return;
  }
  const m = LABEL.exec(line);
  if (!m)
    throw new LabelError(
      `line ${lineNumber}: cannot read the label “${line}” (write flag|maybe RULE "text", fragment, only RULE…, or source: …)`,
    );
  result.labels.push({ kind: m[1] as Label['kind'], ruleId: m[2]!, text: m[3]!.replace(/\\(.)/g, '$1'), line: lineNumber });
}

/**
 * The “Child focus” status item and its per-section breakdown (pure: no VS Code),
 * from the engine's childFocusOfText(): the share of the report's analysis
 * sentences (sections other than the framing ones: introduction, terms of
 * reference, method, family composition, recommendations, action plan…) that
 * are about the child, and the sections child-focus flags.
 */
import {
  childFocusOfText,
  describeFocus,
  FRAMING_ROLES,
  roleOf,
  type FocusFigures,
  type LintConfig,
  type LintMessage,
  type SectionFocus,
} from '../index.js';
import type { Root } from 'mdast';

export interface ChildFocusItem {
  title: string;
  level: number;
  /** “3 of 12 sentences about Child E (25%)”. */
  description: string;
  /** describeFocus() of the section. */
  detail: string;
  flagged: boolean;
  share: number;
  sentences: number;
  /** Offsets of the heading line. */
  start: number;
  headingEnd: number;
}

export interface ChildFocusSummary {
  child: string;
  /** Analysis sentences, and those about the child. */
  sentences: number;
  childSentences: number;
  share: number;
  flaggedSections: number;
  /** Status bar text and tooltip. */
  text: string;
  tooltip: string;
  items: ChildFocusItem[];
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Not a section that frames the review (the child-focus rule's test; roles read from the section ids). */
function isAnalysis(section: SectionFocus): boolean {
  return !section.matches.some((id) => {
    const role = roleOf({ id });
    return role !== undefined && FRAMING_ROLES.includes(role);
  });
}

export function childFocusSummary(
  text: string,
  config: Partial<LintConfig>,
  messages: readonly LintMessage[],
  tree?: Root,
): ChildFocusSummary {
  const focus = childFocusOfText(text, config, tree);
  const flaggedStarts = new Set(messages.filter((m) => m.ruleId === 'child-focus').map((m) => m.startOffset));
  const analysis = focus.sections.filter((s) => s.level > 1 && isAnalysis(s));
  const sentences = analysis.reduce((n, s) => n + s.sentences, 0);
  const childSentences = analysis.reduce((n, s) => n + s.childSentences, 0);
  const share = sentences === 0 ? 0 : childSentences / sentences;
  const items: ChildFocusItem[] = focus.sections
    .filter((s) => s.level > 1 && (s.sentences > 0 || flaggedStarts.has(s.start)))
    .map((s) => ({
      title: s.title,
      level: s.level,
      description: `${s.childSentences} of ${s.sentences} sentence${s.sentences === 1 ? '' : 's'} about ${focus.child} (${percent(s.share)})`,
      detail: describeFocus(s as FocusFigures),
      flagged: flaggedStarts.has(s.start),
      share: s.share,
      sentences: s.sentences,
      start: s.start,
      headingEnd: Math.max(s.start, text.indexOf('\n', s.start) === -1 ? text.length : text.indexOf('\n', s.start)),
    }));
  const flaggedSections = items.filter((i) => i.flagged).length;
  const flaggedText =
    flaggedSections === 0 ? 'no section flagged' : `${flaggedSections} section${flaggedSections === 1 ? '' : 's'} flagged`;
  return {
    child: focus.child,
    sentences,
    childSentences,
    share,
    flaggedSections,
    text: `${flaggedSections > 0 ? '$(warning)' : '$(person)'} Child focus ${sentences === 0 ? '–' : percent(share)}`,
    tooltip:
      sentences === 0
        ? `Case Review Lint: no analysis sentences yet; ${flaggedText}. Click for the breakdown by section.`
        : `Case Review Lint: ${childSentences} of ${sentences} analysis sentences (${percent(share)}) are about ${focus.child}; ${flaggedText}. Click for the breakdown by section.`,
    items,
  };
}

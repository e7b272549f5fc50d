/** Every rule of the preset, in the order they run. */
import type { CaseReviewRule } from '../src/engine/rule.js';
import frontMatter from './front-matter.js';
import requiredSections from './required-sections.js';
import templatePlaceholder from './template-placeholder.js';
import torAgencies from './tor-agencies.js';
import torPeriod from './tor-period.js';
import torQuestions from './tor-questions.js';
import torVagueLanguage from './tor-vague-language.js';

export const rules: readonly CaseReviewRule<any>[] = [
  frontMatter,
  requiredSections,
  torPeriod,
  torAgencies,
  torQuestions,
  torVagueLanguage,
  templatePlaceholder,
];

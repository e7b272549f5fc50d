/** Every rule of the preset, in the order they run. */
import type { AnyCaseReviewRule } from '../src/engine/rule.js';
import anonymisation from './anonymisation.js';
import summaryIdentifiers from './summary-identifiers.js';
import summaryConsistency from './summary-consistency.js';
import chronologyChildSeen from './chronology-child-seen.js';
import chronologyColumns from './chronology-columns.js';
import chronologyDate from './chronology-date.js';
import chronologyOrder from './chronology-order.js';
import frontMatter from './front-matter.js';
import requiredSections from './required-sections.js';
import templatePlaceholder from './template-placeholder.js';
import torAgencies from './tor-agencies.js';
import torPeriod from './tor-period.js';
import torQuestions from './tor-questions.js';
import torVagueLanguage from './tor-vague-language.js';
import childFocus from './child-focus.js';
import childVoice from './child-voice.js';
import wasNotBrought from './was-not-brought.js';
import householdMembers from './household-members.js';
import siblingsConsidered from './siblings-considered.js';
import hindsightLanguage from './hindsight-language.js';
import acronymFirstUse from './acronym-first-use.js';
import recommendationOwner from './recommendation-owner.js';
import recommendationDeadline from './recommendation-deadline.js';
import recommendationMeasure from './recommendation-measure.js';
import recommendationVagueAction from './recommendation-vague-action.js';
import recommendationCount from './recommendation-count.js';
import actionPlanColumns from './action-plan-columns.js';
import actionPlanOwner from './action-plan-owner.js';
import actionPlanDate from './action-plan-date.js';
import actionPlanMeasure from './action-plan-measure.js';
import actionPlanCoverage from './action-plan-coverage.js';

export const rules: readonly AnyCaseReviewRule[] = [
  frontMatter,
  requiredSections,
  torPeriod,
  torAgencies,
  torQuestions,
  torVagueLanguage,
  templatePlaceholder,
  chronologyColumns,
  chronologyDate,
  chronologyOrder,
  chronologyChildSeen,
  anonymisation,
  summaryIdentifiers,
  summaryConsistency,
  childFocus,
  childVoice,
  wasNotBrought,
  householdMembers,
  siblingsConsidered,
  hindsightLanguage,
  acronymFirstUse,
  recommendationOwner,
  recommendationDeadline,
  recommendationMeasure,
  recommendationVagueAction,
  recommendationCount,
  actionPlanColumns,
  actionPlanOwner,
  actionPlanDate,
  actionPlanMeasure,
  actionPlanCoverage,
];

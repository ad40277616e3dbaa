export { checkVisit, checkVisitInContext } from './clashRules';
export { prepareClashContext, type ClashContext } from './prepareClashContext';
export {
  suggestSlots,
  DEFAULT_SUGGESTION_COUNT,
  type SuggestSlotsInput,
  type SuggestedSlot,
} from './suggestSlots';
export {
  DEFAULT_LOCAL_RULES,
  HOST_RULES,
  VISITOR_RULES,
  type CheckVisitInput,
  type Clash,
  type ClashContextInput,
  type ClashParty,
  type ClashReport,
  type HeldBooking,
  type LocalRules,
  type OfferTerms,
  type RuleId,
} from './clashTypes';
export { REST_BETWEEN_SHIFTS_HOURS } from './rules/checkRestBetweenShifts';
export { REST_AFTER_NIGHTS_HOURS } from './rules/checkRestAfterNights';

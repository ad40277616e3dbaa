export { checkVisit, checkVisitInContext, describeVisitTimeBasis } from './clashRules';
export { prepareClashContext, type ClashContext } from './prepareClashContext';
export {
  suggestSlots,
  hasOfferedSlot,
  DEFAULT_SUGGESTION_COUNT,
  type SuggestSlotsInput,
  type SuggestedSlot,
} from './suggestSlots';
export { withBothBases } from './withBothBases';
export { summariseRelease, type ReleaseSummary } from './summariseRelease';
export {
  COVER_RULES,
  HOST_RULES,
  RELEASE_RULES,
  VISITOR_RULES,
  WARNING_RULES,
  type CheckVisitInput,
  type Clash,
  type ClashContextInput,
  type ClashParty,
  type ClashReport,
  type HeldBooking,
  type OfferTerms,
  type ReleaseEntry,
  type ReleaseRuleId,
  type RuleId,
  type TimeBasis,
} from './clashTypes';
export {
  chooseRuleSetName,
  chooseWorkingTimeRules,
  type StaffMember,
} from './workingTime/chooseWorkingTimeRules';
export { isDoctorInTraining } from './workingTime/doctorInTraining';
export {
  AGENDA_FOR_CHANGE_RULES,
  DEFAULT_WORKING_TIME_SETTINGS,
  DOCTORS_IN_TRAINING_RULES,
  type RuleSetName,
  type WorkingTimeRules,
  type WorkingTimeSettings,
} from './workingTime/workingTimeRules';

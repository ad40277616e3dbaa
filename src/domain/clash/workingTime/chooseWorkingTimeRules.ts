import type { Profession } from '../../people';
import { isDoctorInTraining } from './doctorInTraining';
import {
  AGENDA_FOR_CHANGE_RULES,
  DEFAULT_WORKING_TIME_SETTINGS,
  type RuleSetName,
  type WorkingTimeRules,
  type WorkingTimeSettings,
} from './workingTimeRules';

/** The parts of a person the choice reads; a whole Person fits. */
export interface StaffMember {
  profession: Profession;
  jobTitle?: string;
}

/** Which rule set a person works under: doctors in training by job title, everyone else by staff group. */
export function chooseRuleSetName(
  person: StaffMember,
  settings: WorkingTimeSettings = DEFAULT_WORKING_TIME_SETTINGS,
): RuleSetName {
  const training = settings.doctorsInTraining;
  if (
    training.staffGroups.includes(person.profession) &&
    isDoctorInTraining(person.jobTitle ?? '', training.jobTitleWords)
  ) {
    return training.ruleSet;
  }
  return settings.staffGroups[person.profession];
}

export function chooseWorkingTimeRules(
  person: StaffMember,
  settings: WorkingTimeSettings = DEFAULT_WORKING_TIME_SETTINGS,
): WorkingTimeRules {
  return settings.ruleSets[chooseRuleSetName(person, settings)] ?? AGENDA_FOR_CHANGE_RULES;
}

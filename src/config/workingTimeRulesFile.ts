import { z } from 'zod';
import { PROFESSIONS, type Profession } from '../domain/people';
import type { WorkingTimeRules, WorkingTimeSettings } from '../domain/clash';

const hours = z.number().positive().max(1000);

const ruleSetSchema = z
  .object({
    max_working_period_hours: hours.nullable(),
    rest_between_shifts_hours: hours.nullable(),
    max_weekly_hours: hours.nullable(),
    weekly_window_hours: hours,
    rest_after_nights_hours: hours.nullable(),
    max_consecutive_days: z.number().int().min(1).max(60).nullable(),
    weekly_rest_hours: hours.nullable(),
    working_day_break_hours: z.number().min(0).max(12),
    night_minimum_hours: z.number().positive().max(7),
  })
  .strict();

const fileSchema = z
  .object({
    source: z.string().trim().min(1),
    rule_sets: z.record(
      z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _'),
      ruleSetSchema,
    ),
    staff_groups: z.object(
      Object.fromEntries(PROFESSIONS.map((p) => [p, z.string()])) as Record<Profession, z.ZodString>,
    ),
    doctors_in_training: z
      .object({
        rule_set: z.string(),
        staff_groups: z.array(z.enum(PROFESSIONS)),
        job_title_words: z.array(z.string().trim().min(1).max(40)).max(200),
      })
      .strict(),
  })
  .strict()
  .superRefine((file, context) => {
    const known = new Set(Object.keys(file.rule_sets));
    for (const [group, name] of Object.entries(file.staff_groups)) {
      if (!known.has(name))
        context.addIssue({
          code: 'custom',
          path: ['staff_groups', group],
          message: `no rule set named "${name}"`,
        });
    }
    if (!known.has(file.doctors_in_training.rule_set))
      context.addIssue({
        code: 'custom',
        path: ['doctors_in_training', 'rule_set'],
        message: `no rule set named "${file.doctors_in_training.rule_set}"`,
      });
  });

function toRules(set: z.infer<typeof ruleSetSchema>): WorkingTimeRules {
  return {
    maxWorkingPeriodHours: set.max_working_period_hours,
    restBetweenShiftsHours: set.rest_between_shifts_hours,
    maxWeeklyHours: set.max_weekly_hours,
    weeklyWindowHours: set.weekly_window_hours,
    restAfterNightsHours: set.rest_after_nights_hours,
    maxConsecutiveDays: set.max_consecutive_days,
    weeklyRestHours: set.weekly_rest_hours,
    workingDayBreakHours: set.working_day_break_hours,
    nightMinimumHours: set.night_minimum_hours,
  };
}

/** The rule-set file (config/working-time-rules.yaml is the shipped one) as WorkingTimeSettings. */
export const workingTimeRulesSchema = fileSchema.transform((file): WorkingTimeSettings => ({
  source: file.source,
  ruleSets: Object.fromEntries(Object.entries(file.rule_sets).map(([name, set]) => [name, toRules(set)])),
  staffGroups: file.staff_groups,
  doctorsInTraining: {
    ruleSet: file.doctors_in_training.rule_set,
    staffGroups: file.doctors_in_training.staff_groups,
    jobTitleWords: file.doctors_in_training.job_title_words,
  },
}));

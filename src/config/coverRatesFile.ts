import { z } from 'zod';
import type { CoverRates } from '../domain/cover/coverRates';
import { gradeKey } from '../domain/cover/coverRates';
import { PROFESSIONS, type Profession } from '../domain/people';

const poundsAnHour = z.number().positive().max(1000);

const gradeSchema = z
  .object({
    grade: z.string().trim().min(1).max(60),
    also: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    bank: poundsAnHour,
    agency: poundsAnHour,
  })
  .strict();

const groupSchema = z.object({ table: z.string(), default_grade: z.string().trim().min(1) }).strict();

const fileSchema = z
  .object({
    source: z.string().trim().min(1),
    year: z.union([z.string().trim().min(1), z.number()]).transform(String),
    tables: z.record(
      z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _'),
      z.object({ grades: z.array(gradeSchema).min(1) }).strict(),
    ),
    staff_groups: z.object(
      Object.fromEntries(PROFESSIONS.map((p) => [p, groupSchema])) as Record<Profession, typeof groupSchema>,
    ),
    rota_coordinators: z
      .record(z.string().trim().min(1), z.string().trim().email('must be an email address'))
      .default({}),
  })
  .strict()
  .superRefine((file, context) => {
    for (const [name, table] of Object.entries(file.tables)) {
      const seen = new Set<string>();
      table.grades.forEach((grade, index) => {
        for (const written of [grade.grade, ...grade.also]) {
          if (seen.has(gradeKey(written)))
            context.addIssue({
              code: 'custom',
              path: ['tables', name, 'grades', index, 'grade'],
              message: `"${written}" is listed twice in this table`,
            });
          seen.add(gradeKey(written));
        }
      });
    }
    for (const [group, choice] of Object.entries(file.staff_groups)) {
      const table = file.tables[choice.table];
      if (!table) {
        context.addIssue({
          code: 'custom',
          path: ['staff_groups', group, 'table'],
          message: `no table named "${choice.table}"`,
        });
      } else if (
        !table.grades.some((g) =>
          [g.grade, ...g.also].some((name) => gradeKey(name) === gradeKey(choice.default_grade)),
        )
      ) {
        context.addIssue({
          code: 'custom',
          path: ['staff_groups', group, 'default_grade'],
          message: `no grade "${choice.default_grade}" in the table "${choice.table}"`,
        });
      }
    }
  });

/** The cover-rates file (config/cover-rates.yaml is the shipped one) as CoverRates. */
export const coverRatesSchema = fileSchema.transform((file): CoverRates => ({
  source: file.source,
  year: file.year,
  tables: file.tables,
  staffGroups: Object.fromEntries(
    Object.entries(file.staff_groups).map(([group, choice]) => [
      group,
      { table: choice.table, defaultGrade: choice.default_grade },
    ]),
  ) as CoverRates['staffGroups'],
  rotaCoordinators: file.rota_coordinators,
}));

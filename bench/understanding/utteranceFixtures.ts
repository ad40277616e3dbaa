import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROFESSIONS } from '../../src/domain/people';
import { SETTINGS, type HostOffer } from '../../src/domain/offers';

/** Where the sentences and the catalogue live, from the source tree or from dist/. */
export function utterancesFolder(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'utterances');
    try {
      readFileSync(path.join(candidate, 'catalogue.json'));
      return candidate;
    } catch {
      if (path.dirname(dir) === dir) throw new Error('test/fixtures/utterances not found');
    }
  }
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const setting = z.enum(SETTINGS);
const utterance = z
  .object({
    id: z.string(),
    from: z.enum(PROFESSIONS),
    sentence: z.string().min(1),
    purpose: z.string().nullable(),
    objectives: z.array(z.string()),
    whom: z.array(z.string()).nullable(),
    when: z
      .object({
        from: isoDate,
        to: isoDate,
        weekdays: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).optional(),
      })
      .strict()
      .nullable(),
    length: z
      .string()
      .regex(/^(am|pm|full_day|\d{2}:\d{2}-\d{2}:\d{2})$/)
      .nullable(),
    settings: z
      .union([
        z.literal('any'),
        z.object({ only: z.array(setting) }).strict(),
        z.object({ not: z.array(setting) }).strict(),
      ])
      .nullable(),
  })
  .strict();
const utteranceFile = z.object({
  today: z.string().datetime(),
  about: z.string(),
  utterances: z.array(utterance),
});
const catalogueFile = z.array(
  z
    .object({
      team: z.string(),
      title: z.string(),
      department: z.string(),
      profession: z.enum(PROFESSIONS),
      setting,
      description: z.string(),
    })
    .strict(),
);

export type Utterance = z.infer<typeof utterance>;
export interface UtteranceSet {
  today: Date;
  utterances: Utterance[];
}

export function readUtteranceSet(name: 'tuning' | 'heldout', folder = utterancesFolder()): UtteranceSet {
  const parsed = utteranceFile.parse(JSON.parse(readFileSync(path.join(folder, `${name}.json`), 'utf8')));
  return { today: new Date(parsed.today), utterances: parsed.utterances };
}

/** The catalogue as active host offers, one per team, each team's key as its offer id. */
export function readCatalogue(folder = utterancesFolder()): HostOffer[] {
  const rows = catalogueFile.parse(JSON.parse(readFileSync(path.join(folder, 'catalogue.json'), 'utf8')));
  return rows.map((row) => ({
    id: row.team,
    hostId: `host-${row.team}`,
    title: row.title,
    description: row.description,
    profession: row.profession,
    department: row.department,
    setting: row.setting,
    sessions: [{ weekday: 'tue', part: 'am' }],
    capacityPerWeek: 2,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: 'None.',
    meetingPoint: 'Main reception.',
    status: 'active',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }));
}

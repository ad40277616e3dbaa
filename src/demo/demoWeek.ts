import type { DocumentStore } from '../store/documentStore';
import { DEMO_EMAIL_DOMAIN, DEMO_IDS } from './demoIds';

/**
 * The note of the week the demo's rota was laid out from (the Monday, YYYY-MM-DD, Europe/London),
 * kept in the `jobs` container beside the scheduler's own records.
 */
const DEMO_WEEK = { id: 'demo-week', kind: 'demo' } as const;

interface DemoWeekDoc {
  id: typeof DEMO_WEEK.id;
  kind: typeof DEMO_WEEK.kind;
  firstMonday: string;
  [field: string]: unknown;
}

/** The Monday the demo was laid out from, or undefined when no week is recorded. */
export async function readDemoWeek(store: DocumentStore): Promise<string | undefined> {
  const found = await store.read<DemoWeekDoc>('jobs', DEMO_WEEK.id, DEMO_WEEK.kind);
  return typeof found?.doc.firstMonday === 'string' ? found.doc.firstMonday : undefined;
}

export async function writeDemoWeek(store: DocumentStore, firstMonday: string): Promise<void> {
  await store.upsert<DemoWeekDoc>('jobs', { ...DEMO_WEEK, firstMonday });
}

/**
 * Whether the store holds the demo organisation: Alex Wilber of the demo trust is in the directory.
 * For stores loaded before the demo's week was recorded.
 */
export async function holdsDemoStaff(store: DocumentStore): Promise<boolean> {
  const alex = await store.read<{ id: string; email?: unknown }>('people', DEMO_IDS.alex, DEMO_IDS.alex);
  return typeof alex?.doc.email === 'string' && alex.doc.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}

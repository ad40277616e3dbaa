import { checkStore, HOLD_SETTLING_MINUTES, type StoreFindings } from '../../app/doctor/checkStore';
import { repairStore, type Repairs } from '../../app/doctor/repairStore';
import type { DocumentStore } from '../../store/documentStore';
import type { TextOutput } from '../cliContext';
import { ReportedFailure } from '../reportFailure';

/**
 * `doctor [--repair]`: checks the whole store (documents that cannot be read, references to
 * something missing, places held for requests that are gone, messages stuck in an expired
 * sending claim) and prints what it found. With --repair it gives the places back, queues the
 * messages again and moves unreadable documents into quarantine; it never deletes anyone's data.
 * Places taken in the last HOLD_SETTLING_MINUTES are listed but left alone: their request may
 * still be being sent. Fails (exit 1) while anything found is left as it was.
 */
export async function runDoctor(
  deps: { store: DocumentStore; out: TextOutput; now: () => Date },
  options: { repair?: boolean },
): Promise<void> {
  const now = deps.now();
  const findings = await checkStore(deps.store, now);
  deps.out.write(describeFindings(findings));
  const repairs = options.repair ? await repairStore(deps.store, findings, now) : undefined;
  if (repairs) deps.out.write(describeRepairs(repairs, findings));
  const left =
    findings.dangling.length +
    (repairs
      ? findings.unreadable.length - repairs.setAside.length
      : findings.unreadable.length + findings.orphanHolds.length + findings.stuckClaims.length);
  if (left > 0) {
    if (!repairs) deps.out.write('Run again with --repair to put right what can be put right.\n');
    throw new ReportedFailure(`${left} problem(s) left in the store`);
  }
}

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string {
  return `${title}: ${items.length}\n${items.map((item) => `  ${line(item)}\n`).join('')}`;
}

function describeFindings(findings: StoreFindings): string {
  return [
    section(
      'Documents that cannot be read',
      findings.unreadable,
      (d) => `${d.container}/${d.id} (partition ${d.partitionKey})`,
    ),
    section('References to something missing', findings.dangling, (line) => line),
    section(
      'Places held for requests that are gone or closed',
      findings.orphanHolds,
      (h) => `offer ${h.offerId} of host ${h.hostId}: request ${h.requestId} from ${h.start}`,
    ),
    section(
      `Places taken in the last ${HOLD_SETTLING_MINUTES} minutes whose request is not stored yet (left alone: it may still be being sent)`,
      findings.recentHolds,
      (h) =>
        `offer ${h.offerId} of host ${h.hostId}: request ${h.requestId} from ${h.start}, taken ${h.heldAt}`,
    ),
    section(
      'Messages stuck in an expired sending claim',
      findings.stuckClaims,
      (c) => `outbox/${c.id} for ${c.personId}, claim ended ${c.leaseUntil}`,
    ),
  ].join('');
}

function describeRepairs(repairs: Repairs, findings: StoreFindings): string {
  return [
    `Repaired: ${repairs.holdsReleased} place(s) given back, ${repairs.claimsReleased} message(s) queued again, ${repairs.setAside.length} document(s) set aside.\n`,
    ...repairs.setAside.map((s) => `  ${s.document} moved to ${s.quarantine}\n`),
    ...(findings.recentHolds.length
      ? [
          `${findings.recentHolds.length} place(s) taken in the last ${HOLD_SETTLING_MINUTES} minutes kept: run doctor again later if their request never arrives.\n`,
        ]
      : []),
    'References to something missing are left for a person to decide: nothing was deleted.\n',
  ].join('');
}

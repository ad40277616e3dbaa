import { cpdRecordFor } from '../../app/outcomes/cpdRecordFor';
import { createServices } from '../../app/services';
import type { DocumentStore } from '../../store/documentStore';
import type { TextOutput } from '../cliContext';
import { ReportedFailure, UsageError } from '../reportFailure';

/**
 * `cpd --person <email> --request <id>`: prints the visitor's CPD / appraisal record of one visit
 * as text, to save as a file (e.g. `> cpd.md`) for an e-portfolio. The bot shows the same text.
 */
export async function runCpd(
  deps: { store: DocumentStore; out: TextOutput; err: TextOutput },
  options: { person: string; request: string },
): Promise<void> {
  const services = createServices(deps.store);
  const person = await services.people.findByEmail(options.person.trim());
  if (!person)
    throw new UsageError(`--person: no one with email "${options.person}" is in the staff directory.`);
  const answer = await cpdRecordFor(services, person, options.request.trim());
  if (!answer.ok) {
    deps.err.write(`${answer.refusal}\n`);
    throw new ReportedFailure(answer.refusal);
  }
  deps.out.write(answer.text);
}

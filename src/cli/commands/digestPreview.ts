import { previewDigests } from '../../app/digest/previewDigests';
import { createServices } from '../../app/services';
import { readBankHolidayRegion } from '../../config/bankHolidaySettings';
import { readDigestSettings } from '../../config/digestSettings';
import { digestDueAt, isoWeekOf, parseIsoWeek, type IsoWeek } from '../../domain/digest/isoWeek';
import { outlineDigest } from '../../domain/digest/outlineDigest';
import { renderOutlineText } from '../../domain/digest/renderOutlineText';
import { toLondonIso } from '../../domain/time/londonTime';
import type { DocumentStore } from '../../store/documentStore';
import type { TextOutput } from '../cliContext';
import { UsageError } from '../reportFailure';

export interface DigestPreviewDeps {
  store: DocumentStore;
  out: TextOutput;
  now: () => Date;
  env: NodeJS.ProcessEnv;
}

export interface DigestPreviewOptions {
  week?: string;
  person?: string;
}

/**
 * `digest preview [--week YYYY-Www] [--person <email>]`: prints, as plain text, the digests the
 * week would send at its digest time, built from the data as it is now. Sends and writes nothing.
 */
export async function runDigestPreview(
  deps: DigestPreviewDeps,
  options: DigestPreviewOptions,
): Promise<void> {
  const settings = readDigestSettings(deps.env);
  if (!settings.ok) throw new UsageError(settings.problems.join('\n'));
  const region = readBankHolidayRegion(deps.env);
  if (!region.ok) throw new UsageError(region.problems.join('\n'));
  const services = createServices(deps.store, deps.now, undefined, undefined, {
    bankHolidayRegion: region.settings,
  });
  const week = readWeek(options.week, deps.now());
  const person = options.person ? await services.people.findByEmail(options.person) : undefined;
  if (options.person && !person)
    throw new UsageError(`No one with the email ${options.person} is in the staff directory.`);

  const previews = await previewDigests(deps.store, services, week, settings.settings, person);
  const due = toLondonIso(digestDueAt(week, settings.settings.schedule));
  deps.out.write(
    `Weekly digests for ${week.label}, as they would be built at ${due} from the data as it is now.\n\n`,
  );
  for (const { person: to, content, wouldSend } of previews) {
    const note = wouldSend
      ? ''
      : ' - NOT SENT: this person cannot be reached in Teams (the app is not installed)';
    deps.out.write(`To: ${to.name} <${to.email}>${note}\n\n${renderOutlineText(outlineDigest(content))}\n`);
  }
  const count = previews.filter((p) => p.wouldSend).length;
  const nothing = options.person
    ? `${options.person} has nothing this week, so would get no digest.`
    : 'No one has anything this week.';
  deps.out.write(
    previews.length === 0
      ? `${nothing}\n`
      : `${count === 1 ? '1 digest' : `${count} digests`} would be sent.\n`,
  );
  deps.out.write('This was a preview: nothing was sent or written.\n');
}

function readWeek(label: string | undefined, now: Date): IsoWeek {
  if (label === undefined) return isoWeekOf(now.getTime());
  const week = parseIsoWeek(label);
  if (!week)
    throw new UsageError(
      `--week: "${label}" is not a week that exists; use the ISO form YYYY-Www, for example 2026-W02.`,
    );
  return week;
}

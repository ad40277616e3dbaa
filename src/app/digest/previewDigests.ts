import type { DigestSettings } from '../../domain/digest/digestSettings';
import type { DigestContent } from '../../domain/digest/digestTypes';
import { buildDigest } from '../../domain/digest/buildDigest';
import { digestDueAt, type IsoWeek } from '../../domain/digest/isoWeek';
import type { Person } from '../../domain/people';
import type { DocumentStore } from '../../store/documentStore';
import type { Services } from '../services';
import { loadDigestAudience } from './loadDigestAudience';
import { isReachable, listDigests } from './queueWeeklyDigests';

export interface DigestPreview {
  person: Person;
  content: DigestContent;
  /** False when the person cannot be reached in Teams, so nothing would be sent. */
  wouldSend: boolean;
}

/**
 * The week's digests as they would be built at the week's digest time, from the data as it is
 * now. Reads only: nothing is queued, sent or written. With `person`, only theirs (shown even when
 * they cannot be reached, saying so).
 */
export async function previewDigests(
  store: DocumentStore,
  services: Services,
  week: IsoWeek,
  settings: DigestSettings,
  person?: Person,
): Promise<DigestPreview[]> {
  const at = new Date(digestDueAt(week, settings.schedule));
  const audience = await loadDigestAudience(store, services, week, at, settings);
  if (person) {
    const isProgrammeLead = audience.leadIds.has(person.id);
    const content = buildDigest(
      { id: person.id, name: person.name, isProgrammeLead },
      { week, now: at, world: audience.world },
    );
    return content ? [{ person, content, wouldSend: isReachable(person) }] : [];
  }
  return listDigests(audience, week, at).map((content) => ({
    person: audience.people.get(content.personId) as Person,
    content,
    wouldSend: true,
  }));
}

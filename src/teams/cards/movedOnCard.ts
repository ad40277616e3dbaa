import type { RequestView } from '../../app/describeRequest';
import type { Viewer } from '../../domain/workflow/viewers';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { heading } from './requestCardParts';
import { when } from './requestFacts';

/**
 * An earlier card whose buttons can no longer work, drawn again beside a newer message about the
 * same request: it drops its buttons and points to that message instead of repeating it. It
 * names only the visit's time, so it stays true however the request moves on.
 */
export function createMovedOnCard(view: RequestView, viewer: Viewer): AdaptiveCardJson {
  const whose = viewer === 'visitor' ? 'Your' : `${view.visitor?.name ?? 'A colleague'}'s`;
  return adaptiveCard([
    heading(`${whose} shadowing request`),
    { type: 'FactSet', facts: [{ title: 'When', value: when(view) }] },
    {
      type: 'TextBlock',
      wrap: true,
      text: 'This card is out of date, so its buttons have been taken off. My latest message about this request says where it stands.',
    },
  ]);
}

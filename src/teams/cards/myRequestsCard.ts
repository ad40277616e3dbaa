import { REQUEST_STATE_LABELS } from '../../domain/requestStateLabels';
import type { ShadowingRequest } from '../../domain/requests';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { adaptiveCard, commandButton, type AdaptiveCardJson } from './cardTypes';
import { inertText } from './plainText';

/** A visitor's requests, newest first, with where each has got to. */
export function createMyRequestsCard(requests: ShadowingRequest[]): AdaptiveCardJson {
  if (requests.length === 0) {
    return adaptiveCard(
      [
        { type: 'TextBlock', text: 'Your requests', size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
        { type: 'TextBlock', wrap: true, text: 'You have no shadowing requests yet.' },
      ],
      [commandButton('Request a visit', 'new_request')],
    );
  }
  return adaptiveCard([
    { type: 'TextBlock', text: 'Your requests', size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
    ...requests.map((request) => ({
      type: 'Container',
      separator: true,
      items: [
        inertText([{ text: request.purpose, weight: 'Bolder' }], { maxLength: 200 }),
        {
          type: 'FactSet',
          facts: [
            { title: 'Status', value: REQUEST_STATE_LABELS[request.state] },
            { title: 'When', value: request.start && request.end ? formatVisitTime(request.start, request.end) : 'Not chosen yet' },
          ],
        },
      ],
    })),
  ]);
}

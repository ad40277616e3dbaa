import { REQUEST_STATE_LABELS } from '../../domain/requestStateLabels';
import type { RequestState, ShadowingRequest } from '../../domain/requests';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { adaptiveCard, commandButton, type AdaptiveCardJson } from './cardTypes';
import { inertText } from './plainText';

/** A visitor's requests, newest first, with where each has got to. */
export function createMyRequestsCard(
  requests: ShadowingRequest[],
  cancellable: readonly RequestState[] = [],
): AdaptiveCardJson {
  if (requests.length === 0) {
    return adaptiveCard(
      [
        {
          type: 'TextBlock',
          text: 'Your requests',
          size: 'Medium',
          weight: 'Bolder',
          wrap: true,
          style: 'heading',
        },
        { type: 'TextBlock', wrap: true, text: 'You have no shadowing requests yet.' },
      ],
      [commandButton('Request a visit', 'new_request')],
    );
  }
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: 'Your requests',
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
    },
    ...requests.map((request) => ({
      type: 'Container',
      separator: true,
      items: [
        inertText([{ text: request.offerTitle ?? request.what ?? 'Shadowing visit', weight: 'Bolder' }], {
          maxLength: 200,
        }),
        inertText([request.purpose], { maxLength: 300 }),
        {
          type: 'FactSet',
          facts: [
            { title: 'Status', value: REQUEST_STATE_LABELS[request.state] },
            {
              title: 'When',
              value:
                request.start && request.end ? formatVisitTime(request.start, request.end) : 'Not chosen yet',
            },
          ],
        },
        ...(cancellable.includes(request.state)
          ? [
              {
                type: 'ActionSet',
                actions: [
                  {
                    type: 'Action.Submit',
                    title: 'Cancel this request',
                    data: { verb: 'cancel_request', requestId: request.id },
                  },
                ],
              },
            ]
          : []),
      ],
    })),
  ]);
}

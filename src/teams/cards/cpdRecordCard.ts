import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { outcomeAction } from './outcomeCardParts';
import { heading, hint } from './requestCardParts';

/**
 * The visitor's CPD / appraisal record, in a read-and-copy text box: select all, copy, and paste
 * into an e-portfolio or appraisal form. Teams cannot attach a file from a bot without a file
 * host; the same text is available as a file from the `cpd` admin command.
 */
export function createCpdRecordCard(
  view: RequestView,
  record: string,
  options: { thanks?: boolean } = {},
): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(options.thanks ? 'Thank you: your feedback is recorded' : 'Your CPD record'),
      hint(
        'Here is a record of the visit for your CPD or appraisal. Click in the box, select all, copy, and paste it into your portfolio.',
      ),
      {
        type: 'Input.Text',
        id: 'cpd',
        label: 'Your CPD record (ready to copy)',
        isMultiline: true,
        value: record,
        maxLength: 20_000,
      },
    ],
    [outcomeAction('Show my CPD record again', 'outcome_cpd', view)],
  );
}

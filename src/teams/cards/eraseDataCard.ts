import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { heading, hint } from './requestCardParts';

export const DATA_ERASED =
  'Your personal data has been deleted. Only anonymous counts of your visits remain. If you message me again, I will start afresh.';
export const DATA_KEPT = 'Nothing has been deleted. Your data is as it was.';
export const NOTHING_TO_ERASE =
  'The shadowing service holds no details about you, so there was nothing to delete.';

/** Asks before erasing: says what goes, what stays, and that it cannot be undone. */
export function createEraseDataCard(): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading('Delete my data?'),
      {
        type: 'TextBlock',
        wrap: true,
        text: 'This deletes your directory entry, rota, host offers, messages and conversation with me. Your requests and visits are kept only as anonymous counts (dates, professions, ratings), with your words removed.',
      },
      {
        type: 'TextBlock',
        wrap: true,
        weight: 'Bolder',
        text: 'This cannot be undone. Visits you have asked for or are hosting that have not happened yet will be cancelled, and the others involved told; requests waiting for your decision as a manager will go to the programme lead; cover you were asked to arrange will go to the manager or the programme lead.',
      },
      hint(
        'Your trust may keep other records (for example in the staff directory); ask your data protection officer about those.',
      ),
    ],
    [
      {
        type: 'Action.Execute',
        title: 'Yes, delete my data',
        verb: 'data_erase_confirm',
        data: {},
        style: 'destructive',
      },
      { type: 'Action.Execute', title: 'No, keep it', verb: 'data_erase_cancel', data: {} },
    ],
  );
}

/**
 * What the "Delete my data?" card becomes once answered: what was done, in place of the question,
 * with no buttons left to press again.
 */
export function createEraseAnsweredCard(title: string, text: string): AdaptiveCardJson {
  return adaptiveCard([heading(title), { type: 'TextBlock', wrap: true, text }]);
}

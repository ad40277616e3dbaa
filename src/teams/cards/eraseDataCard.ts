import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { heading, hint } from './requestCardParts';

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
        text: 'This cannot be undone. Any visit you have arranged will no longer be managed here.',
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

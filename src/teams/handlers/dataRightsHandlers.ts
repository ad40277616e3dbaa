import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { erasePersonData } from '../../app/dataRights/erasePersonData';
import { exportPersonData } from '../../app/dataRights/exportPersonData';
import type { Services } from '../../app/services';
import type { Logger } from '../../logging/logger';
import { UnreadableDocumentError, type DocumentStore } from '../../store/documentStore';
import type { AppTurnState } from '../appTurnState';
import {
  createEraseAnsweredCard,
  createEraseDataCard,
  DATA_ERASED,
  DATA_KEPT,
  NOTHING_TO_ERASE,
} from '../cards/eraseDataCard';
import { actorId, identifyPerson } from '../identity';
import { sendCard } from '../replies';
import { NOT_IN_DIRECTORY } from './commandHandlers';

export const MY_DATA = /^\s*(show\s+)?my\s+data\s*[.!?]?\s*$/i;
export const DELETE_MY_DATA = /^\s*(delete|erase|remove)\s+my\s+data\s*[.!?]?\s*$/i;

/** Teams takes messages up to about 28 KB; the export is sent in pieces well under that. */
const PIECE_CHARS = 18_000;
const MAX_PIECES = 6;

/**
 * "my data" and "delete my data". Register before the catch-all message route so these words
 * are never read as a request. The acting person is always the Teams user on the activity.
 */
export function registerDataRightsHandlers(
  app: Application<AppTurnState>,
  services: Services,
  store: DocumentStore,
  logger: Logger,
): void {
  app.message(MY_DATA, async (context) => {
    const personId = await ownId(context, services);
    const exported = personId ? await exportPersonData(store, personId, services.clock()) : undefined;
    if (!personId || !exported) return void (await context.sendActivity(NOT_IN_DIRECTORY));
    const text = JSON.stringify(exported, null, 1);
    logger.info({ personId, chars: text.length }, 'personal data export sent');
    await sendExport(context, text);
  });

  app.message(DELETE_MY_DATA, async (context) => {
    if (!(await ownId(context, services))) return void (await context.sendActivity(NOT_IN_DIRECTORY));
    await sendCard(context, createEraseDataCard(), 'Delete my data?');
  });

  // Each answer replaces the card pressed, so its buttons cannot be pressed again.
  app.adaptiveCards.actionExecute('data_erase_cancel', async () =>
    createEraseAnsweredCard('Your data is kept', DATA_KEPT),
  );

  app.adaptiveCards.actionExecute('data_erase_confirm', async (context, state) => {
    const personId = await ownId(context, services);
    if (!personId) return createEraseAnsweredCard('Nothing to delete', NOTHING_TO_ERASE);
    const report = await erasePersonData(store, personId);
    // Stop this turn writing the conversation back after it was erased.
    state.deleteConversationState();
    state.deleteUserState();
    logger.info(
      { erased: true, deleted: report?.deleted, anonymised: report?.anonymised },
      "personal data erased at the person's request",
    );
    return createEraseAnsweredCard('Your data has been deleted', DATA_ERASED);
  });
}

/**
 * The id the person's data is kept under: their directory entry's, found by their Entra ID object
 * id. When that entry is damaged (stored, but it cannot be read) it is still theirs, so their data
 * can be exported and erased all the same; undefined when they are not in the directory.
 */
async function ownId(context: TurnContext, services: Services): Promise<string | undefined> {
  const id = actorId(context);
  try {
    return (await identifyPerson(context, services.people))?.id;
  } catch (error) {
    if (error instanceof UnreadableDocumentError && error.container === 'people' && error.id === id)
      return id;
    throw error;
  }
}

async function sendExport(context: TurnContext, text: string): Promise<void> {
  const pieces = Math.ceil(text.length / PIECE_CHARS);
  if (pieces > MAX_PIECES) {
    await context.sendActivity(
      `You have a lot of data with me (${Math.round(text.length / 1024)} KB), too much to send in a chat. Please ask your data protection officer for the full copy; they can export it for you.`,
    );
    return;
  }
  await context.sendActivity(
    `Here is everything I hold about you, as JSON in ${pieces} message${pieces > 1 ? 's' : ''}. Other people appear only as their role. To delete it, type "delete my data".`,
  );
  for (let i = 0; i < pieces; i += 1) {
    await context.sendActivity({
      type: 'message',
      text: text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS),
      textFormat: 'plain',
    });
  }
}

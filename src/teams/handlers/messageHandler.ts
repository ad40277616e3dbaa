import type { TurnContext } from 'botbuilder';
import type { Services } from '../../app/services';
import type { AppTurnState } from '../appTurnState';
import type { TurnTools } from '../turnTools';
import { checkOpeningMessage, ENGLISH_ONLY } from '../../domain/requestDialog/checkOpeningMessage';
import { looksNotEnglish } from '../../domain/requestDialog/looksNotEnglish';
import { isVisitRequest } from '../../domain/requestDialog/isVisitRequest';
import { readControlWord } from '../../domain/requestDialog/readChoices';
import { OWN_DATA_COMMANDS, parseCommand } from '../commands';
import { identifyPerson, recognisePerson } from '../identity';
import { NOT_IN_DIRECTORY, NOT_UNDERSTOOD, NOTHING_TO_CANCEL, runCommand } from './commandHandlers';
import { handleOfferText } from './offerDialogHandlers';
import { isReportRequest, runReport, type ReportMaker } from './reportHandlers';
import { beginRequest, continueRequest, repeatQuestion } from './requestDialogHandlers';

/** Commands that still work in the middle of a request, leaving it open. */
const GLOBAL_DURING_REQUEST = new Set(['help', 'my_requests', 'my_offers']);

/** A typed message: a command, an answer to the open request, a sentence that starts one, or none of these. */
export async function handleMessage(
  context: TurnContext,
  state: AppTurnState,
  services: Services,
  welcome: (context: TurnContext, state: AppTurnState) => Promise<void>,
  tools: TurnTools,
  reports: ReportMaker,
): Promise<void> {
  const { logger } = tools;
  const text = (context.activity.text ?? '').trim();
  const command = parseCommand(text);
  if (!state.user.welcomed) {
    await welcome(context, state);
    // The welcome card already answers a first "hello" or "help".
    if (command === 'help') return;
  }
  // Their own requests or offers need only who they are; everything else reads them afresh.
  const person =
    command && OWN_DATA_COMMANDS.has(command)
      ? await recognisePerson(context, services.people)
      : await identifyPerson(context, services.people);
  if (person && (await handleOfferText(context, state, person, services, text))) return;
  if (isReportRequest(text)) return runReport(context, person, text, reports, services.clock());
  const draft = state.conversation.draft;

  if (draft && person) {
    if (/^(continue|resume)$/i.test(text)) return repeatQuestion(context, draft);
    if (command && GLOBAL_DURING_REQUEST.has(command)) {
      await runCommand(command, context, state, person, services);
      await context.sendActivity(
        'Your request is still open. Type "continue" to carry on, or "cancel" to drop it.',
      );
      return;
    }
    if (command === 'new_request') return beginRequest(context, state, person, services);
    return continueRequest(context, state, person, services, { kind: 'text', text }, tools);
  }
  if (command) return runCommand(command, context, state, person, services);
  // "cancel", "stop", "never mind" with no request or offer open (an open one is handled above).
  if (readControlWord(text) === 'cancel') return void (await context.sendActivity(NOTHING_TO_CANCEL));
  const refusal = checkOpeningMessage(text);
  if (refusal) {
    logger.info({ activityId: context.activity.id }, 'opening message refused');
    await context.sendActivity(refusal);
    return;
  }
  if (isVisitRequest(text, services.clock())) {
    if (!person) return void (await context.sendActivity(NOT_IN_DIRECTORY));
    return beginRequest(context, state, person, services, text);
  }
  logger.info({ activityId: context.activity.id }, 'message not understood');
  // Only a message that could not be read is taken as another language: a real request never is.
  await context.sendActivity(looksNotEnglish(text) ? ENGLISH_ONLY : NOT_UNDERSTOOD);
}

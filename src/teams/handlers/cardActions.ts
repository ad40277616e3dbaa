import type { Application } from '@microsoft/teams-ai';
import type { Services } from '../../app/services';
import type { AppTurnState } from '../appTurnState';
import type { TurnTools } from '../turnTools';
import { submitVerbIn } from '../submitVerbIn';
import { CARD_VERBS, parseCardPayload, type CardVerb } from '../cardPayloads';
import { COMMANDS, isCommand } from '../commands';
import { identifyPerson } from '../identity';
import { answerSubmitOfPersonGone } from './buttonsOfPeopleGone';
import { cancelFromCard } from './cancelFromCard';
import { runCommand } from './commandHandlers';
import { continueRequest, repeatQuestion } from './requestDialogHandlers';
import { answerSentAgain } from './sendDraft';
import { startReturnVisit } from './returnVisitHandlers';
import type { DraftInput } from '../../domain/requestDialog/advanceDraft';
import type { DraftField } from '../../domain/requestDialog/draft';

/** Action.Submit buttons: commands, request-conversation answers, and cancelling a request. */
export function registerCardActions(
  app: Application<AppTurnState>,
  services: Services,
  tools: TurnTools,
): void {
  const { logger } = tools;
  app.adaptiveCards.actionSubmit(submitVerbIn(COMMANDS), async (context, state, data: { verb?: string }) => {
    if (!isCommand(data.verb)) return;
    const person = await identifyPerson(context, services.people);
    if (!person) return answerSubmitOfPersonGone(context, logger);
    await runCommand(data.verb, context, state, person, services);
  });

  app.adaptiveCards.actionSubmit(submitVerbIn(CARD_VERBS), async (context, state, data: unknown) => {
    const verb = (data as { verb: CardVerb }).verb;
    const person = await identifyPerson(context, services.people);
    if (!person) return answerSubmitOfPersonGone(context, logger);
    const refuse = async () => {
      logger.warn({ activityId: context.activity.id, verb }, 'card payload refused');
      await context.sendActivity(
        'That button sent something I could not read, so I have not changed anything.',
      );
    };
    if (verb === 'cancel_request') {
      const payload = parseCardPayload('cancel_request', data);
      if (!payload) return refuse();
      return cancelFromCard(context, person, payload.requestId, services, logger);
    }
    if (verb === 'return_visit') {
      const payload = parseCardPayload('return_visit', data);
      if (!payload) return refuse();
      return startReturnVisit(context, state, person, services, payload);
    }
    const draft = state.conversation.draft;
    if (!draft) {
      // "Send to my manager" clicked again after the request went: say so, not that something is wrong.
      if (verb === 'draft_submit' && (await answerSentAgain(context, services, person, data))) return;
      return void (await context.sendActivity(
        'That request is no longer open. Type "new request" to start another.',
      ));
    }
    const read = readDraftInput(verb, data);
    if (!read) return refuse();
    if (read.field && read.field !== draft.step) {
      await context.sendActivity('That question has already been answered. Here is where we are now:');
      return repeatQuestion(context, draft);
    }
    await continueRequest(context, state, person, services, read.input, tools);
  });
}

/** A card's answer as conversation input, with the question it answered (if any) to spot stale cards. */
function readDraftInput(
  verb: CardVerb,
  data: unknown,
): { input: DraftInput; field?: DraftField } | undefined {
  switch (verb) {
    case 'draft_answer': {
      const p = parseCardPayload('draft_answer', data);
      return p && { input: { kind: 'text', text: p.answer ?? '' }, field: p.field };
    }
    case 'draft_choice': {
      const p = parseCardPayload('draft_choice', data);
      return p && { input: { kind: 'choice', field: p.field, value: p.value }, field: p.field };
    }
    case 'draft_reasons': {
      const p = parseCardPayload('draft_reasons', data);
      return (
        p && {
          input: { kind: 'reasons', purpose: p.purpose ?? '', objectives: p.objectives ?? '' },
        }
      );
    }
    case 'draft_pick': {
      const p = parseCardPayload('draft_pick', data);
      return p && { input: { kind: 'pick', offerId: p.offerId, start: p.start } };
    }
    case 'draft_more_hosts':
      return parseCardPayload('draft_more_hosts', data) && { input: { kind: 'more_hosts' } };
    case 'draft_control': {
      const p = parseCardPayload('draft_control', data);
      return p && { input: { kind: 'control', word: p.word } };
    }
    case 'draft_edit': {
      const p = parseCardPayload('draft_edit', data);
      return p && { input: { kind: 'edit', field: p.field } };
    }
    case 'draft_submit':
      return parseCardPayload('draft_submit', data) && { input: { kind: 'submit' } };
    default:
      return undefined;
  }
}

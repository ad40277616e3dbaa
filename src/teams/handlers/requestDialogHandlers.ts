import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { createHostFinder } from '../../app/hostFinder';
import type { Services } from '../../app/services';
import type { Person } from '../../domain/people';
import {
  advanceDraft,
  startDraft,
  type DialogOptions,
  type DialogTurn,
  type DraftInput,
} from '../../domain/requestDialog/advanceDraft';
import type { RequestDraft } from '../../domain/requestDialog/draft';
import { moveOn } from '../../domain/requestDialog/moveOn';
import type { AppTurnState } from '../appTurnState';
import { createRequestQuestionCard } from '../cards/requestQuestionCard';
import { createRequestSummaryCard } from '../cards/requestSummaryCard';
import { sendCard } from '../replies';
import type { TurnTools } from '../turnTools';
import { sendDraft } from './sendDraft';

/** Begins a request, keeping whatever the person's sentence already said. */
export async function beginRequest(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  sentence = '',
): Promise<void> {
  const finder = createHostFinder(services, person, services.clock);
  await show(context, state, await startDraft(sentence, services.clock(), finder, dialogOptions(services)));
}

/**
 * Begins a request already filled in (a return visit): the host list is searched at once, and
 * `note` says what was filled in. Replaces any request being put together, as "new request" does.
 */
export async function beginPrefilledRequest(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  draft: RequestDraft,
  note: string,
): Promise<void> {
  const finder = createHostFinder(services, person, services.clock);
  await show(context, state, await moveOn(draft, finder, services.clock(), { note }));
}

/** Feeds one answer, button or control word into the request being put together. */
export async function continueRequest(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  input: DraftInput,
  tools: TurnTools,
): Promise<void> {
  const draft = state.conversation.draft;
  if (!draft) {
    await context.sendActivity('That request is no longer open. Type "new request" to start another.');
    return;
  }
  const finder = createHostFinder(services, person, services.clock);
  const turn = await advanceDraft(draft, input, services.clock(), finder, dialogOptions(services));
  if (turn.prompt.kind === 'submit') return sendDraft(context, state, person, services, draft, tools);
  await show(context, state, turn);
}

/** The language model, when one is configured, for free text. */
function dialogOptions(services: Services): DialogOptions {
  return {
    ...(services.sentenceModel ? { model: services.sentenceModel } : {}),
    ...(services.modelTimers ? { timers: services.modelTimers } : {}),
  };
}

/** Shows the current question again, e.g. after "continue". */
export async function repeatQuestion(context: TurnContext, draft: RequestDraft): Promise<void> {
  await sendCard(
    context,
    draft.step === 'summary'
      ? createRequestSummaryCard(draft)
      : createRequestQuestionCard({ kind: 'ask', step: draft.step }, draft),
    'Your request',
  );
}

/** Keeps the conversation's draft and answers with its next question, its summary, or that it is cancelled (a send is continueRequest's). */
async function show(context: TurnContext, state: AppTurnState, turn: DialogTurn): Promise<void> {
  const { prompt } = turn;
  state.conversation.draft = turn.draft && (turn.draft.id ? turn.draft : { ...turn.draft, id: randomUUID() });
  if (prompt.kind === 'cancelled') {
    await context.sendActivity('I have cancelled that request. Nothing was sent to anyone.');
  } else if (prompt.kind === 'summary' && turn.draft) {
    await sendCard(context, createRequestSummaryCard(turn.draft, prompt.problem), 'Check your request');
  } else if (prompt.kind === 'ask' && turn.draft) {
    await sendCard(context, createRequestQuestionCard(prompt, turn.draft), 'Your request');
  }
}

import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { createHostFinder } from '../../app/hostFinder';
import type { Services } from '../../app/services';
import { routeApprovalToLeads } from '../../app/programmeLeads';
import { fileWhatSendingMissed, sendRequest } from '../../app/submitRequest';
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
import type { ShadowingRequest } from '../../domain/requests';
import { parseCardPayload } from '../cardPayloads';
import type { AppTurnState } from '../appTurnState';
import { createRequestQuestionCard } from '../cards/requestQuestionCard';
import { createRequestSummaryCard } from '../cards/requestSummaryCard';
import { sendCard } from '../replies';
import { finishBeforeTurnEnds } from '../turnWork';
import { sendVisitorRequestCard } from '../visitorRequestCard';

/** Begins a request, keeping whatever the person's sentence already said. */
export async function beginRequest(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  sentence = '',
): Promise<void> {
  const finder = createHostFinder(services, person, services.clock);
  await show(
    context,
    state,
    person,
    services,
    undefined,
    await startDraft(sentence, services.clock(), finder, dialogOptions(services)),
  );
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
  await show(
    context,
    state,
    person,
    services,
    undefined,
    await moveOn(draft, finder, services.clock(), { note }),
  );
}

/** Feeds one answer, button or control word into the request being put together. */
export async function continueRequest(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  input: DraftInput,
): Promise<void> {
  const draft = state.conversation.draft;
  if (!draft) {
    await context.sendActivity('That request is no longer open. Type "new request" to start another.');
    return;
  }
  const finder = createHostFinder(services, person, services.clock);
  await show(
    context,
    state,
    person,
    services,
    draft,
    await advanceDraft(draft, input, services.clock(), finder, dialogOptions(services)),
  );
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

async function show(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  before: RequestDraft | undefined,
  turn: DialogTurn,
): Promise<void> {
  const { prompt } = turn;
  if (prompt.kind === 'submit' && before) {
    await submit(context, state, person, services, before);
    return;
  }
  state.conversation.draft = turn.draft && (turn.draft.id ? turn.draft : { ...turn.draft, id: randomUUID() });
  if (prompt.kind === 'cancelled') {
    await context.sendActivity('I have cancelled that request. Nothing was sent to anyone.');
  } else if (prompt.kind === 'summary' && turn.draft) {
    await sendCard(context, createRequestSummaryCard(turn.draft, prompt.problem), 'Check your request');
  } else if (prompt.kind === 'ask' && turn.draft) {
    await sendCard(context, createRequestQuestionCard(prompt, turn.draft), 'Your request');
  }
}

async function submit(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  draft: RequestDraft,
): Promise<void> {
  // The manager's name, for the answer, is read while the request is sent.
  const managerRead = person.managerId ? services.people.findById(person.managerId) : undefined;
  managerRead?.catch(() => undefined);
  const result = await sendRequest(services, person, draft, services.clock());
  if (result.ok && result.already) {
    state.conversation.draft = undefined;
    // Anything a first send that stopped half way left unfiled has just been filed: send it now.
    services.notify(await result.filed);
    return alreadySent(context, services, result.request);
  }
  if (!result.ok) {
    const back: RequestDraft = { ...draft, step: 'slot', slot: undefined };
    state.conversation.draft = back;
    await sendCard(
      context,
      createRequestQuestionCard(
        { kind: 'ask', step: 'slot', problem: `That time no longer works. ${result.problems.join(' ')}` },
        back,
      ),
      'Your request',
    );
    return;
  }
  // The request is stored: the conversation is saved without the draft while the manager's
  // message and the pointers are filed, and the answer waits for both. Should filing fail, the
  // person is told something went wrong, and clicking Send again files what is missing.
  state.conversation.draft = undefined;
  const { request, filed, warnings } = result;
  finishBeforeTurnEnds(
    context,
    filed.then(async (queued) => {
      services.notify(queued);
      await answerSent(
        context,
        services,
        { request, warnings, ownTime: draft.slot?.label === 'own time' },
        managerRead,
      );
    }),
  );
}

/** Tells the visitor who was asked, and sends their request card. */
async function answerSent(
  context: TurnContext,
  services: Services,
  sent: { request: ShadowingRequest; warnings: string[]; ownTime: boolean },
  managerRead: Promise<Person | undefined> | undefined,
): Promise<void> {
  const manager = await managerRead;
  if (!manager)
    services.notify(
      await routeApprovalToLeads(
        services,
        sent.request,
        services.clock(),
        'The visitor has no line manager in the staff directory',
      ),
    );
  const warnings = sent.warnings.length ? ` Note: ${sent.warnings.join(' ')}` : '';
  const { ownTime } = sent;
  const asked = ownTime ? 'to agree your visit, in your own time,' : 'to release you,';
  const decision = ownTime ? 'on your visit' : 'on your release';
  await context.sendActivity(
    manager
      ? `Sent. I have asked ${manager.name} ${asked} and will tell you here when they answer.${warnings}`
      : `Sent. I could not find your line manager in the directory, so your programme lead will decide ${decision}. I will tell you here when they answer.${warnings}`,
  );
  await sendVisitorRequestCard(context, services, sent.request);
}

/** A request sent already, by an earlier click or another chat: said plainly, nothing sent twice. */
export async function alreadySent(
  context: TurnContext,
  services: Services,
  request: ShadowingRequest,
): Promise<void> {
  const manager = request.managerId ? await services.people.findById(request.managerId) : undefined;
  await context.sendActivity(
    `That request has already been sent${manager ? ` to ${manager.name}` : ''}. I will tell you here when they answer; nothing has been sent twice.`,
  );
}

/**
 * "Send to my manager" clicked again once the conversation has moved on: if its draft was sent,
 * says so, filing first whatever that send left unfiled (it may have stopped after saving the
 * conversation). False when the draft was never sent, or its send stopped before its place was held.
 */
export async function answerSentAgain(
  context: TurnContext,
  services: Services,
  person: Person,
  data: unknown,
): Promise<boolean> {
  // Read afresh: the conversation may have lost its draft to a send that stored the request
  // after this turn began, and so after any copy of it this turn read ahead.
  const sent = await services.afresh(() => findSentDraft(services, person, data));
  if (!sent) return false;
  const queued = await fileWhatSendingMissed(services, sent, services.clock());
  // Its send stopped before holding its place: it was never sent, and is not announced now.
  if (!queued) return false;
  services.notify(queued);
  await alreadySent(context, services, sent);
  return true;
}

/** The request a "Send to my manager" click's draft became, if it has been sent. */
async function findSentDraft(
  services: Services,
  person: Person,
  data: unknown,
): Promise<ShadowingRequest | undefined> {
  const draftId = parseCardPayload('draft_submit', data)?.draftId;
  return draftId ? (await services.requests.find(person.id, draftId))?.request : undefined;
}

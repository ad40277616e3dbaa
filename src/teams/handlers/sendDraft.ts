import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { fileSend } from '../../app/fileSend';
import type { Notification } from '../../app/notifications';
import type { Services } from '../../app/services';
import { foundSent, sendRequest, type SendResult } from '../../app/submitRequest';
import type { Person } from '../../domain/people';
import type { RequestDraft } from '../../domain/requestDialog/draft';
import type { ShadowingRequest } from '../../domain/requests';
import { whenAnswered } from '../afterAnswer';
import type { AppTurnState } from '../appTurnState';
import { parseCardPayload } from '../cardPayloads';
import { createRequestQuestionCard } from '../cards/requestQuestionCard';
import { sendCard } from '../replies';
import { holdWhileSending, settleStoredDraft } from '../sendingDraft';
import type { TurnTools } from '../turnTools';
import { finishBeforeTurnEnds } from '../turnWork';
import { sendVisitorRequestCard } from '../visitorRequestCard';

/** A send's turn, as its outcome is answered. */
interface SendTurn {
  context: TurnContext;
  state: AppTurnState;
  services: Services;
  draft: RequestDraft & { id: string };
  /** The visitor's manager, for the answer; undefined when they have none in the directory. */
  managerRead: Promise<Person | undefined> | undefined;
  /** The conversation was saved with the draft held as being sent, before the outcome was known. */
  savedWhileSending?: true;
  tools: TurnTools;
}

/**
 * Sends a finished draft. The visitor is answered once the request and its place are written (the
 * request is recorded, so "sent" is true); what the send owes after that (the pointers, the
 * manager's message, the programme leads when there is no manager in the directory) is filed after
 * the answer, and by the scheduler should that stop part way (fileStoppedSend). The conversation is
 * saved beside the request's write, the draft held as being sent (see sendingDraft.ts): the
 * visitor waits for two round trips to the store, the reads and the writes.
 */
export async function sendDraft(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  draft: RequestDraft,
  tools: TurnTools,
): Promise<void> {
  // The manager's name, for the answer, is read while the request is sent.
  const managerRead = person.managerId ? services.people.findById(person.managerId) : undefined;
  managerRead?.catch(() => undefined);
  const sent = { ...draft, id: draft.id ?? randomUUID() };
  let recording = (): void => undefined;
  const recorded = new Promise<'recording'>((resolve) => (recording = () => resolve('recording')));
  const sending = sendRequest(services, person, sent, services.clock(), recording);
  const turn: SendTurn = { context, state, services, draft: sent, managerRead, tools };
  const first = await Promise.race([sending, recorded]);
  if (first !== 'recording') return answerOutcome(turn, first);
  // The request and its place are being written: the turn's own save, once this handler returns,
  // writes the conversation beside them, and the turn waits for the outcome to answer.
  holdWhileSending(state, sent);
  finishBeforeTurnEnds(
    context,
    sending.then((result) => answerOutcome({ ...turn, savedWhileSending: true }, result)),
  );
}

async function answerOutcome(turn: SendTurn, result: SendResult): Promise<void> {
  const { context, services, draft } = turn;
  if (!result.ok) {
    const back: RequestDraft = { ...draft, step: 'slot', slot: undefined };
    keepDraft(turn, back);
    const problem = `That time no longer works. ${result.problems.join(' ')}`;
    await sendCard(
      context,
      createRequestQuestionCard({ kind: 'ask', step: 'slot', problem }, back),
      'Your request',
    );
    return;
  }
  keepDraft(turn, undefined);
  if (result.already) {
    // Anything a first send that stopped half way left unfiled is filed now, after the answer.
    fileAfterAnswer(services, result);
    return alreadySent(context, services, result.request);
  }
  fileAfterAnswer(services, result, wasManagerFound(turn.managerRead));
  const manager = await turn.managerRead;
  const { request, warnings } = result;
  await answerSent(
    context,
    services,
    { request, warnings, ownTime: draft.slot?.label === 'own time' },
    manager,
    turn.tools,
  );
}

/**
 * The conversation holds `next` as its draft from now on (undefined: none). If it was saved with
 * the draft held as being sent, the stored copy is brought in line after the answer.
 */
function keepDraft(turn: SendTurn, next: RequestDraft | undefined): void {
  const { state, services, draft } = turn;
  delete state.conversation.sending;
  state.conversation.draft = next;
  if (!turn.savedWhileSending) return;
  void services.afterAnswer.run(
    async () => {
      await settleStoredDraft(state, draft.id, next);
      return [];
    },
    { requestId: draft.id, job: 'settle the draft of a send', ...afterTheAnswer() },
  );
}

/**
 * What the send owes once recorded, filed once the visitor has their answer, whether or not the
 * rest of the answer could be given. `managerFound` says whether the manager is in the directory
 * (undefined: read again).
 */
function fileAfterAnswer(
  services: Services,
  sent: { request: ShadowingRequest; file: () => Promise<Notification[]> },
  managerFound: Promise<boolean | undefined> = Promise.resolve(undefined),
): void {
  const now = services.clock();
  void services.afterAnswer.run(async () => fileSend(services, sent, await managerFound, now), {
    requestId: sent.request.id,
    job: 'file a send',
    ...afterTheAnswer(),
  });
}

/** Whether the manager's read found them: undefined when it failed, to be read again. */
function wasManagerFound(read: Promise<Person | undefined> | undefined): Promise<boolean | undefined> {
  return read
    ? read.then(
        (manager) => manager !== undefined,
        () => undefined,
      )
    : Promise.resolve(false);
}

/** Work after the answer starts once the Teams answer has gone, when the turn is answered over HTTP. */
function afterTheAnswer(): { after?: Promise<void> } {
  const answered = whenAnswered();
  return answered ? { after: answered } : {};
}

/** Tells the visitor who was asked, and sends their request card. */
async function answerSent(
  context: TurnContext,
  services: Services,
  sent: { request: ShadowingRequest; warnings: string[]; ownTime: boolean },
  manager: Person | undefined,
  tools: TurnTools,
): Promise<void> {
  const warnings = sent.warnings.length ? ` Note: ${sent.warnings.join(' ')}` : '';
  const { ownTime } = sent;
  const asked = ownTime ? 'to agree your visit, in your own time,' : 'to release you,';
  const decision = ownTime ? 'on your visit' : 'on your release';
  await context.sendActivity(
    manager
      ? `Sent. I have asked ${manager.name} ${asked} and will tell you here when they answer.${warnings}`
      : `Sent. I could not find your line manager in the directory, so your programme lead will decide ${decision}. I will tell you here when they answer.${warnings}`,
  );
  await sendVisitorRequestCard(context, services, sent.request, tools);
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
 * says so, then files whatever that send left unfiled (it may have stopped after saving the
 * conversation), after the answer as a first send does; the scheduler files it should that stop
 * too. False when the draft was never sent, or its send stopped before its place was held.
 */
export async function answerSentAgain(
  context: TurnContext,
  services: Services,
  person: Person,
  data: unknown,
): Promise<boolean> {
  // Read afresh: the conversation may have lost its draft to a send that stored the request
  // after this turn began, and so after any copy of it this turn read ahead.
  const request = await services.afresh(() => findSentDraft(services, person, data));
  if (!request) return false;
  const sent = await foundSent(services, request, services.clock());
  // Its send stopped before holding its place: it was never sent, and is not announced now.
  if (!sent) return false;
  fileAfterAnswer(services, sent);
  await alreadySent(context, services, request);
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

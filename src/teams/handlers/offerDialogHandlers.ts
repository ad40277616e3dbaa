import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { acceptInduction } from '../../app/offers/acceptInduction';
import { findOwnOffer, NOT_YOUR_OFFER } from '../../app/offers/offerResult';
import { saveNewOffer } from '../../app/offers/saveNewOffer';
import { setOfferStatus } from '../../app/offers/setOfferStatus';
import { updateOffer } from '../../app/offers/updateOffer';
import type { Services } from '../../app/services';
import {
  advanceOfferDraft,
  type OfferInput,
  type OfferTurn,
} from '../../domain/offerDialog/advanceOfferDraft';
import {
  startOfferDraft,
  startOfferEdit,
  type HostDefaults,
  type OfferDraft,
  type OfferField,
} from '../../domain/offerDialog/offerDraft';
import type { Person } from '../../domain/people';
import type { Logger } from '../../logging/logger';
import type { AppTurnState } from '../appTurnState';
import { submitVerbIn } from '../submitVerbIn';
import { createMyOffersCard } from '../cards/myOffersCard';
import { createOfferQuestionCard } from '../cards/offerQuestionCard';
import { createOfferSummaryCard } from '../cards/offerSummaryCard';
import { parseCommand } from '../commands';
import { identifyPerson } from '../identity';
import { isOfferVerb, OFFER_VERBS, parseOfferPayload, type OfferVerb } from '../offerCardPayloads';
import { sendCard } from '../replies';

const NOT_IN_DIRECTORY =
  "I can't find you in the staff directory yet, so I can't set up an offer for you. Please ask your workforce team to add you.";
const NO_OFFER_OPEN = 'That offer is no longer open. Type "offer to host" to start another.';
const UNREADABLE = 'That button sent something I could not read, so I have not changed anything.';

function defaultsFor(person: Person): HostDefaults {
  return { profession: person.profession, department: person.department };
}

/** "Offer to host": shows the host's offers if they have any, otherwise starts a new one. */
export async function beginOffer(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
): Promise<void> {
  const open = state.conversation.offerDraft;
  if (open) {
    await context.sendActivity(
      'You are part way through an offer. Here is where we are. Say "cancel" to drop it.',
    );
    return repeatOfferQuestion(context, open);
  }
  const offers = await services.offers.listForHost(person.id);
  if (offers.length > 0) return void (await sendCard(context, createMyOffersCard(offers), 'Your offers'));
  await startNewOffer(context, state, person, services);
}

/** "My offers": the host's offers with Change, Pause and Resume buttons. */
export async function showMyOffers(context: TurnContext, person: Person, services: Services): Promise<void> {
  await sendCard(context, createMyOffersCard(await services.offers.listForHost(person.id)), 'Your offers');
}

/**
 * Typed text while an offer is open. Returns false (and leaves the offer alone) when no offer is
 * open or the text is a command the caller should run instead.
 */
export async function handleOfferText(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  text: string,
): Promise<boolean> {
  const draft = state.conversation.offerDraft;
  if (!draft) return false;
  const trimmed = text.trim();
  if (/^(continue|resume)$/i.test(trimmed)) {
    await repeatOfferQuestion(context, draft);
    return true;
  }
  const command = parseCommand(trimmed);
  if (command === 'offer_to_host') {
    await repeatOfferQuestion(context, draft);
    return true;
  }
  if (command === 'new_request') {
    // One conversation at a time: a request started now would otherwise get the offer's answers.
    state.conversation.offerDraft = undefined;
    await context.sendActivity(
      'I have put away the offer you were writing; nothing was saved. Type "offer to host" later to start it again.',
    );
    return false;
  }
  if (command) return false;
  await continueOffer(context, state, person, services, { kind: 'text', text: trimmed });
  return true;
}

/** Shows the current question again, e.g. after "continue". */
export async function repeatOfferQuestion(context: TurnContext, draft: OfferDraft): Promise<void> {
  const card =
    draft.step === 'summary'
      ? createOfferSummaryCard(draft)
      : createOfferQuestionCard({ kind: 'ask', step: draft.step }, draft);
  await sendCard(context, card, 'Your offer');
}

async function startNewOffer(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
): Promise<void> {
  const draft = startOfferDraft(defaultsFor(person), services.clock());
  state.conversation.offerDraft = draft;
  await context.sendActivity(
    'Thank you for offering to host. A few short questions, then you can check everything before it is saved.',
  );
  await sendCard(context, createOfferQuestionCard({ kind: 'ask', step: 'title' }, draft), 'Your offer');
}

async function continueOffer(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  input: OfferInput,
): Promise<void> {
  const before = state.conversation.offerDraft;
  if (!before) return void (await context.sendActivity(NO_OFFER_OPEN));
  await show(context, state, person, services, before, advanceOfferDraft(before, input, services.clock()));
}

async function show(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  before: OfferDraft,
  turn: OfferTurn,
): Promise<void> {
  const { prompt } = turn;
  if (prompt.kind === 'submit') return save(context, state, person, services, before);
  state.conversation.offerDraft = turn.draft;
  if (prompt.kind === 'cancelled') {
    await context.sendActivity(
      before.offerId
        ? 'I have dropped those changes. Your offer is as it was.'
        : 'I have cancelled that offer. Nothing was saved.',
    );
  } else if (prompt.kind === 'summary' && turn.draft) {
    await sendCard(context, createOfferSummaryCard(turn.draft, prompt.problem), 'Check your offer');
  } else if (prompt.kind === 'ask' && turn.draft) {
    await sendCard(context, createOfferQuestionCard(prompt, turn.draft), 'Your offer');
  }
}

async function save(
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
  draft: OfferDraft,
): Promise<void> {
  const now = services.clock();
  const result = draft.offerId
    ? await updateOffer(services, person, draft.offerId, draft, now)
    : await saveNewOffer(services, person, draft, now);
  if (!result.ok) {
    state.conversation.offerDraft = draft;
    await sendCard(context, createOfferSummaryCard(draft, result.refusal), 'Check your offer');
    return;
  }
  state.conversation.offerDraft = undefined;
  const paused =
    result.offer.status === 'paused'
      ? ' It is still paused: press Resume when you are ready for visitors.'
      : '';
  await context.sendActivity(
    draft.offerId
      ? `Saved your changes.${paused}`
      : 'Saved. Your offer is open: colleagues can now find it when they search.',
  );
  await showMyOffers(context, person, services);
}

/** Action.Submit buttons on the offer cards. Every verb starts with `offer_`. */
export function registerOfferActions(
  app: Application<AppTurnState>,
  services: Services,
  logger: Logger,
): void {
  app.adaptiveCards.actionSubmit(submitVerbIn(OFFER_VERBS), async (context, state, data: unknown) => {
    const verb = (data as { verb?: unknown }).verb;
    if (!isOfferVerb(verb)) return;
    const person = await identifyPerson(context, services.people);
    if (!person) return void (await context.sendActivity(NOT_IN_DIRECTORY));
    const handled = await runOfferAction(verb, data, context, state, person, services);
    if (!handled) {
      logger.warn({ activityId: context.activity.id, verb }, 'offer card payload refused');
      await context.sendActivity(UNREADABLE);
    }
  });
}

/** Runs one offer button. Returns false when the payload does not have the expected shape. */
async function runOfferAction(
  verb: OfferVerb,
  data: unknown,
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
): Promise<boolean> {
  switch (verb) {
    case 'offer_new':
    case 'offer_list':
      if (!parseOfferPayload(verb, data)) return false;
      if (verb === 'offer_list') await showMyOffers(context, person, services);
      else if (state.conversation.offerDraft) await beginOffer(context, state, person, services);
      else await startNewOffer(context, state, person, services);
      return true;
    case 'offer_change': {
      const payload = parseOfferPayload(verb, data);
      if (!payload) return false;
      const found = await findOwnOffer(services, person, payload.offerId);
      if (!found) return say(context, NOT_YOUR_OFFER);
      const draft = startOfferEdit(found.offer, defaultsFor(person), services.clock());
      state.conversation.offerDraft = draft;
      await sendCard(context, createOfferSummaryCard(draft), 'Change your offer');
      return true;
    }
    case 'offer_pause':
    case 'offer_resume': {
      const payload = parseOfferPayload(verb, data);
      if (!payload) return false;
      const status = verb === 'offer_pause' ? 'paused' : 'active';
      const result = await setOfferStatus(services, person, payload.offerId, status, services.clock());
      if (!result.ok) return say(context, result.refusal);
      await context.sendActivity(
        status === 'paused'
          ? 'Paused. Your offer is hidden from search until you resume it.'
          : 'Resumed. Colleagues can find your offer again.',
      );
      await showMyOffers(context, person, services);
      return true;
    }
    case 'offer_accept_induction': {
      const payload = parseOfferPayload(verb, data);
      if (!payload) return false;
      const result = await acceptInduction(services, person, payload.offerId, services.clock());
      if (!result.ok) return say(context, result.refusal);
      await context.sendActivity(
        `Thank you. "${result.offer.title}" is open: colleagues can find it and ask to visit.`,
      );
      await showMyOffers(context, person, services);
      return true;
    }
    default:
      return runDialogAction(verb, data, context, state, person, services);
  }
}

async function runDialogAction(
  verb: OfferVerb,
  data: unknown,
  context: TurnContext,
  state: AppTurnState,
  person: Person,
  services: Services,
): Promise<boolean> {
  const read = readOfferInput(verb, data);
  if (!read) return false;
  const draft = state.conversation.offerDraft;
  if (!draft) return say(context, NO_OFFER_OPEN);
  if (read.field && read.field !== draft.step) {
    await context.sendActivity('That question has already been answered. Here is where we are now:');
    await repeatOfferQuestion(context, draft);
    return true;
  }
  await continueOffer(context, state, person, services, read.input);
  return true;
}

/** Replies in words; the button was understood, so the action counts as handled. */
async function say(context: TurnContext, text: string): Promise<true> {
  await context.sendActivity(text);
  return true;
}

/** A card's answer as conversation input, with the question it answered (if any) to spot stale cards. */
function readOfferInput(
  verb: OfferVerb,
  data: unknown,
): { input: OfferInput; field?: OfferField } | undefined {
  switch (verb) {
    case 'offer_answer': {
      const p = parseOfferPayload(verb, data);
      return p && { input: { kind: 'text', text: p.answer ?? '' }, field: p.field };
    }
    case 'offer_choice': {
      const p = parseOfferPayload(verb, data);
      return p && { input: { kind: 'choice', field: p.field, value: p.value }, field: p.field };
    }
    case 'offer_control': {
      const p = parseOfferPayload(verb, data);
      return p && { input: { kind: 'control', word: p.word } };
    }
    case 'offer_edit': {
      const p = parseOfferPayload(verb, data);
      return p && { input: { kind: 'edit', field: p.field } };
    }
    case 'offer_submit':
      return parseOfferPayload(verb, data) && { input: { kind: 'submit' } };
    default:
      return undefined;
  }
}

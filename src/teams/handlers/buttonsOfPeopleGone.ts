import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Services } from '../../app/services';
import type { Logger } from '../../logging/logger';
import type { AppTurnState } from '../appTurnState';
import { createNotOnServiceCard } from '../cards/notOnServiceCard';
import { actorId } from '../identity';
import { redrawPressedCard } from '../pressedCard';

/** Buttons on cards about a request: decisions, cover, and the after-visit forms. */
const REQUEST_CARD_VERB = /^(decide|cover|outcome_[a-z_]+)$/;

function isRequestCardButton(context: TurnContext): boolean {
  const { type, name, value } = context.activity;
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return (
    type === 'invoke' &&
    name === 'adaptiveCard/action' &&
    typeof verb === 'string' &&
    REQUEST_CARD_VERB.test(verb)
  );
}

/**
 * A button pressed on a card about a request by someone no longer in the directory: a person whose
 * data was erased keeps their own cards, buttons and all, as the erasure leaves their chat alone.
 * The card pressed is replaced by one that says so plainly and has no buttons; nothing is read of
 * the request and nothing changes. Registered before the routes that act on these buttons. A
 * person whose entry cannot be read is left to those routes, which say so in their own way.
 */
export function registerButtonsOfPeopleGone(
  app: Application<AppTurnState>,
  services: Services,
  logger: Logger,
): void {
  const pressedByNobodyKnown = async (context: TurnContext): Promise<boolean> => {
    const id = actorId(context);
    if (!id || !isRequestCardButton(context)) return false;
    return (await services.people.findById(id).catch(() => 'unreadable')) === undefined;
  };
  app.adaptiveCards.actionExecute(pressedByNobodyKnown, async (context) => {
    const verb = (context.activity.value as { action: { verb: string } }).action.verb;
    logger.warn(
      { activityId: context.activity.id, verb, knownActor: false },
      'card button refused: not in the directory',
    );
    return createNotOnServiceCard();
  });
}

/** The answer to a plain-submit button from someone not in the directory, when its card cannot be redrawn. */
export const SUBMIT_NOT_ON_SERVICE =
  'The shadowing service holds no details about you, so that button cannot do anything. Nothing has been changed. ' +
  'To use the shadowing service, ask your workforce team to add you.';

/**
 * A plain-submit button (a command on the welcome or help card, "Cancel" on "my requests", a
 * request-conversation answer) pressed by someone the directory does not hold, e.g. after they
 * had their data erased. Such a press gets no card in answer, so the card holding it (which Teams
 * names in replyToId) is redrawn in place as the card above, without buttons; where there is no
 * such card or it cannot be updated, a plain line says the same. Nothing is read or changed.
 */
export async function answerSubmitOfPersonGone(context: TurnContext, logger: Logger): Promise<void> {
  const verb = (context.activity.value as { verb?: unknown } | undefined)?.verb;
  logger.warn(
    { activityId: context.activity.id, verb, knownActor: false },
    'card button refused: not in the directory',
  );
  if (await redrawPressedCard(context, createNotOnServiceCard(), logger)) return;
  await context.sendActivity(SUBMIT_NOT_ON_SERVICE);
}

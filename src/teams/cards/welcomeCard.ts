import { adaptiveCard, commandButton, type AdaptiveCardJson } from './cardTypes';
import { inertText } from './plainText';

/** The first thing a person sees: what the bot does, in plain words, with a button for each. */
export function createWelcomeCard(firstName?: string): AdaptiveCardJson {
  const greeting = firstName ? `Hello ${firstName}` : 'Hello';
  return adaptiveCard(
    [
      inertText([{ text: `${greeting}, I help you arrange job shadowing`, weight: 'Bolder' }], {
        size: 'Large',
        maxLength: 120,
      }),
      {
        type: 'TextBlock',
        wrap: true,
        text: 'Spend a morning with another team or profession in the Trust. Tell me what you want to learn and I will find someone to shadow, check your rota, and ask your manager and the host for you. No forms, no emails.',
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Request a visit', value: 'Tell me whom you would like to shadow and why.' },
          { title: 'Offer to host', value: 'Let colleagues from other professions see your work.' },
          { title: 'My requests', value: 'See where your requests have got to.' },
        ],
      },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: 'You can type at any time. Type "help" to see this again.',
      },
    ],
    [
      commandButton('Request a visit', 'new_request'),
      commandButton('Offer to host', 'offer_to_host'),
      commandButton('My requests', 'my_requests'),
    ],
  );
}

import { adaptiveCard, commandButton, type AdaptiveCardJson } from './cardTypes';

const COMMAND_LIST = [
  {
    title: 'new request',
    value:
      'Ask to shadow someone. You can also just say what you want, for example "I\'d like to spend a morning with the discharge team next week".',
  },
  { title: 'offer to host', value: 'Offer to let colleagues shadow you or your team.' },
  { title: 'my requests', value: 'See your requests and where they have got to.' },
  { title: 'my offers', value: 'See, change, pause or resume what you offer as a host.' },
  {
    title: 'report',
    value:
      'Programme leads: figures for a period and department, for example "report last month for Acute Medicine".',
  },
  { title: 'help', value: 'Show this list.' },
];

export function createHelpCard(): AdaptiveCardJson {
  return adaptiveCard(
    [
      {
        type: 'TextBlock',
        text: 'What you can ask me',
        size: 'Medium',
        weight: 'Bolder',
        wrap: true,
        style: 'heading',
      },
      { type: 'FactSet', facts: COMMAND_LIST },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: 'Shadowing is for learning: you observe and ask questions, you do not take clinical decisions. Never send me patient details.',
      },
    ],
    [
      commandButton('Request a visit', 'new_request'),
      commandButton('Offer to host', 'offer_to_host'),
      commandButton('My requests', 'my_requests'),
    ],
  );
}

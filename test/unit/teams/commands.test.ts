import { parseCommand } from '../../../src/teams/commands';

describe('parseCommand', () => {
  it.each([
    ['help', 'help'],
    ['  HELP! ', 'help'],
    ['Hello', 'help'],
    ['my requests', 'my_requests'],
    ['My Requests.', 'my_requests'],
    ['new request', 'new_request'],
    ['Request a visit', 'new_request'],
    ['offer to host', 'offer_to_host'],
    ['Offer   to host', 'offer_to_host'],
    ['MY OFFERS', 'my_offers'],
    ['?', 'help'],
  ])('reads %j as %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it.each([
    '',
    'helpful',
    'please help me find the canteen',
    "'; DROP TABLE people; --",
    'my requests please and also',
  ])('does not read %j as a command', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });
});

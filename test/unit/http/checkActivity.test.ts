import { checkActivityShape } from '../../../src/http/checkActivity';

const valid = {
  type: 'message',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  channelId: 'msteams',
  from: { id: '29:1' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:1' },
  text: 'hi',
};

describe('checkActivityShape', () => {
  it('accepts a Teams-shaped activity', () => {
    expect(checkActivityShape(valid)).toBeUndefined();
  });

  it.each([
    [null, 'body is not a JSON object'],
    ['text', 'body is not a JSON object'],
    [[valid], 'body is not a JSON object'],
    [{ ...valid, type: '' }, 'type is missing'],
    [{ ...valid, serviceUrl: 'javascript:alert(1)' }, 'serviceUrl is missing'],
    [{ ...valid, channelId: 7 }, 'channelId is missing'],
    [{ ...valid, from: 'me' }, 'from.id is missing'],
    [{ ...valid, recipient: { id: 5 } }, 'recipient.id is missing'],
    [{ ...valid, conversation: null }, 'conversation.id is missing'],
    [{ ...valid, text: ['a'] }, 'text is not a string'],
  ])('refuses %j: %s', (body, reason) => {
    expect(checkActivityShape(body)).toBe(reason);
  });
});

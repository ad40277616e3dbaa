import { isUserStateKey } from '../../../src/teams/botStateStorage';

describe('isUserStateKey', () => {
  it.each([
    ['msteams/28:bot/users/29:alex', true],
    ['msteams/28:bot/users/', true],
    ['emulator/bot-id/users/user-1', true],
    ['msteams/28:bot/conversations/a:alex-personal', false],
    ['msteams/28:bot/conversations/users', false],
    ['msteams/users/28:bot/29:alex', false],
    ['msteams/28:bot/users/29:alex/more', false],
    ['msteams/28:bot/users', false],
    ['users', false],
    ['', false],
  ])('reads %j as a user scope key: %s', (key, expected) => {
    expect(isUserStateKey(key)).toBe(expected);
  });
});

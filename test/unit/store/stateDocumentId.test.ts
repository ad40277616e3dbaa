import { stateDocumentId } from '../../../src/store/stateDocumentId';

describe('stateDocumentId', () => {
  it('gives every key the base64url of its text, the same the first time and after many other keys', () => {
    const key = 'msteams/28:bot/users/29:alex';
    const expected = Buffer.from(key, 'utf8').toString('base64url');
    expect(stateDocumentId(key)).toBe(expected);
    for (let n = 0; n < 12_000; n += 1) {
      const other = `msteams/28:bot/conversations/a:${n}`;
      expect(Buffer.from(stateDocumentId(other), 'base64url').toString('utf8')).toBe(other);
    }
    expect(stateDocumentId(key)).toBe(expected);
    expect(stateDocumentId(key)).not.toMatch(/[/+=]/);
  });
});

import { cloneJson } from '../../../src/shared/cloneJson';

describe('cloneJson', () => {
  it('copies nested objects and arrays so that changing the copy leaves the original alone', () => {
    const original = { id: 'a', roles: ['staff'], conversation: { user: { id: '29:x' } }, n: 3, gone: null };
    const copy = cloneJson(original);
    expect(copy).toEqual(original);
    copy.roles.push('manager');
    copy.conversation.user.id = 'changed';
    expect(original).toEqual({
      id: 'a',
      roles: ['staff'],
      conversation: { user: { id: '29:x' } },
      n: 3,
      gone: null,
    });
  });

  it('keeps a field named __proto__ as a field, as JSON.parse made it, without changing the prototype', () => {
    const original = JSON.parse('{"__proto__": {"admin": true}, "id": "a"}') as Record<string, unknown>;
    const copy = cloneJson(original);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { admin?: boolean }).admin).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'id']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
  });

  it('copies what is not plain JSON (a Date) rather than sharing it', () => {
    const original = { at: new Date('2026-12-06T10:00:00Z') };
    const copy = cloneJson(original);
    expect(copy.at).not.toBe(original.at);
    expect(copy.at.getTime()).toBe(original.at.getTime());
  });

  it('returns primitives as they are', () => {
    expect(cloneJson('text')).toBe('text');
    expect(cloneJson(0)).toBe(0);
    expect(cloneJson(undefined)).toBeUndefined();
  });
});

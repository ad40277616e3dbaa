import { PLAYGROUND_USERS } from '../../../scripts/playground/playgroundUsers';
import { renderPlaygroundConfig } from '../../../scripts/playground/writePlaygroundConfig';

describe('the Playground config file', () => {
  it.each(PLAYGROUND_USERS.map((user) => [user.key, user] as const))(
    'for %s lists exactly five other users, never the signed-in one (the Playground refuses more)',
    (_key, user) => {
      const text = renderPlaygroundConfig(user);
      const users = text.slice(text.indexOf('\nusers:\n'), text.indexOf('\npersonalChat:'));
      expect(users.match(/^ {2}- id: /gm)).toHaveLength(5);
      expect(users).not.toContain(`aadObjectId: "${user.aadObjectId}"`);
      expect(text).toContain(`currentUser:\n  id: "${user.id}"`);
    },
  );
});

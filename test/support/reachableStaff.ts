import type { Person } from '../../src/domain/people';

/** A member of staff the bot can reach in a personal chat (`a:<id>`) through the connector at `serviceUrl`. */
export function reachableStaff(id: string, serviceUrl: string, name = `Recipient ${id}`): Person {
  return {
    id,
    email: `${id}@example.nhs.uk`,
    name,
    jobTitle: 'Nurse',
    department: 'Ward 1',
    profession: 'nursing',
    roles: ['staff'],
    conversation: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `a:${id}`, conversationType: 'personal' },
      user: { id: `29:${id}` },
      bot: { id: '28:shadowing-bot' },
    },
  };
}

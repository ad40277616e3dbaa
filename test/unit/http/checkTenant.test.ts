import { checkTenant, readTenantIds } from '../../../src/http/checkTenant';

const TRUST = '3f2a7c1e-0000-4000-8000-00000000a001';
const OTHER = '9b9b9b9b-0000-4000-8000-00000000b002';

function activityIn(channelTenant?: unknown, conversationTenant?: unknown): Record<string, unknown> {
  return {
    type: 'message',
    channelData: channelTenant === undefined ? {} : { tenant: { id: channelTenant } },
    conversation: {
      id: 'a:1',
      ...(conversationTenant === undefined ? {} : { tenantId: conversationTenant }),
    },
  };
}

describe('readTenantIds', () => {
  it('reads both places Teams puts the tenant, once each, in lower case', () => {
    expect(readTenantIds(activityIn(TRUST.toUpperCase(), TRUST))).toEqual([TRUST]);
    expect(readTenantIds(activityIn(TRUST, OTHER))).toEqual([TRUST, OTHER]);
  });

  it.each([null, 'text', 42, {}, activityIn(7, ['x']), activityIn('  ', '')])(
    'finds no tenant in %j',
    (body) => {
      expect(readTenantIds(body)).toEqual([]);
    },
  );
});

describe('checkTenant', () => {
  it('allows every tenant when no allow-list is set', () => {
    expect(checkTenant(activityIn(OTHER), undefined)).toEqual({ allowed: true });
    expect(checkTenant(activityIn(), [])).toEqual({ allowed: true });
  });

  it('allows a listed tenant, whatever the case', () => {
    expect(checkTenant(activityIn(TRUST, TRUST), [TRUST.toUpperCase()])).toEqual({ allowed: true });
    expect(checkTenant(activityIn(undefined, TRUST), [OTHER, TRUST])).toEqual({ allowed: true });
  });

  it('refuses a tenant that is not listed', () => {
    expect(checkTenant(activityIn(OTHER, OTHER), [TRUST])).toEqual({
      allowed: false,
      reason: 'tenant not allowed',
    });
  });

  it('refuses an activity whose two tenant fields disagree and one is not listed', () => {
    expect(checkTenant(activityIn(TRUST, OTHER), [TRUST])).toEqual({
      allowed: false,
      reason: 'tenant not allowed',
    });
  });

  it('refuses an activity that names no tenant', () => {
    expect(checkTenant(activityIn(), [TRUST])).toEqual({ allowed: false, reason: 'tenant missing' });
    expect(checkTenant('not an activity', [TRUST])).toEqual({ allowed: false, reason: 'tenant missing' });
  });
});

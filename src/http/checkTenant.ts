/**
 * The Microsoft 365 tenant an activity says it comes from: `channelData.tenant.id` (Teams) and
 * `conversation.tenantId`. Read from the plain request body, so no framework is needed.
 */
export function readTenantIds(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const activity = body as {
    channelData?: { tenant?: { id?: unknown } };
    conversation?: { tenantId?: unknown };
  };
  const found = [activity.channelData?.tenant?.id, activity.conversation?.tenantId].filter(
    (id): id is string => typeof id === 'string' && id.trim() !== '',
  );
  return [...new Set(found.map((id) => id.trim().toLowerCase()))];
}

export type TenantCheck =
  { allowed: true } | { allowed: false; reason: 'tenant missing' | 'tenant not allowed' };

/**
 * With an allow-list, an activity must name a tenant and every tenant it names must be listed
 * (compared without regard to case). Without one, every tenant is allowed.
 */
export function checkTenant(body: unknown, allowedTenantIds: readonly string[] | undefined): TenantCheck {
  if (!allowedTenantIds || allowedTenantIds.length === 0) return { allowed: true };
  const tenants = readTenantIds(body);
  if (tenants.length === 0) return { allowed: false, reason: 'tenant missing' };
  const allowed = new Set(allowedTenantIds.map((id) => id.trim().toLowerCase()));
  return tenants.every((id) => allowed.has(id))
    ? { allowed: true }
    : { allowed: false, reason: 'tenant not allowed' };
}

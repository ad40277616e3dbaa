const SYSTEM_PROPERTIES = new Set(['_rid', '_self', '_etag', '_attachments', '_ts']);

/** Returns the document as the application wrote it, without the properties Cosmos DB adds. */
export function stripSystemProperties(resource: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resource).filter(([key]) => !SYSTEM_PROPERTIES.has(key)));
}

type Json = Record<string, unknown>;

/**
 * Where a string sits in a card, and whether Teams would read it as markdown. Only a TextRun's
 * text, an input's value and an action's data are safe places for text a person typed.
 */
export interface Placement {
  path: string;
  text: string;
}

/** Every string in a card that is rendered with markdown or as a label: where typed text must never be. */
export function renderedStrings(card: unknown): Placement[] {
  const found: Placement[] = [];
  const visit = (node: unknown, path: string, parentType: string | undefined): void => {
    if (Array.isArray(node))
      return node.forEach((item, index) => visit(item, `${path}[${index}]`, parentType));
    if (!node || typeof node !== 'object') return;
    const obj = node as Json;
    const type = typeof obj.type === 'string' ? obj.type : parentType;
    for (const [key, value] of Object.entries(obj)) {
      const here = `${path}.${key}`;
      if (typeof value === 'string') {
        if (!isSafePlace(type, key)) found.push({ path: here, text: value });
      } else if (!(key === 'data' && type?.startsWith('Action.'))) {
        visit(value, here, type);
      }
    }
  };
  visit(card, '$', undefined);
  return found;
}

function isSafePlace(type: string | undefined, key: string): boolean {
  if (key === 'type' || key === 'id' || key === 'verb' || key === '$schema' || key === 'version') return true;
  if (type === 'TextRun' && key === 'text') return true;
  if (type?.startsWith('Input.') && key === 'value') return true;
  return false;
}

/** Places in a reply (its plain text, summary, and every card) where this probe shows rendered. */
export function renderedPlacesOf(
  reply: { text?: unknown; summary?: unknown; attachments?: Array<{ content?: unknown }> },
  probe: string,
): string[] {
  const places: string[] = [];
  if (typeof reply.text === 'string' && reply.text.includes(probe)) places.push('text');
  if (typeof reply.summary === 'string' && reply.summary.includes(probe)) places.push('summary');
  for (const [index, attachment] of (reply.attachments ?? []).entries()) {
    for (const placement of renderedStrings(attachment.content))
      if (placement.text.includes(probe)) places.push(`attachments[${index}]${placement.path.slice(1)}`);
  }
  return places;
}

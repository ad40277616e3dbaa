import type { BotReply } from './http';

type Json = Record<string, unknown>;

/** Every action on a card, wherever it sits (card actions, ActionSets, containers, columns). */
export function cardActions(reply: BotReply | undefined): Array<{ title: string; data: Json }> {
  const found: Array<{ title: string; data: Json }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as Json;
    if (typeof obj.type === 'string' && obj.type.startsWith('Action.') && obj.data)
      found.push({ title: String(obj.title), data: obj.data as Json });
    Object.values(obj).forEach(visit);
  };
  (reply?.attachments ?? []).forEach((a) => visit(a.content));
  return found;
}

export function lastCardReply(replies: BotReply[]): BotReply | undefined {
  return [...replies].reverse().find((r) => (r.attachments ?? []).length > 0);
}

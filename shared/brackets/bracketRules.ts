import type { PersonRef } from '../negotiation/amendmentRecord.js'
import { NegotiationRefusal } from '../negotiation/amendmentRules.js'
import type { AlternativesRecord, BracketItem, NewBracketBody, ResolveBracketBody } from './bracketSchemas.js'

/** A new open bracket or set of alternatives, from a checked request and the words the server read under it. */
export function placeItem(body: NewBracketBody, fields: { id: string; quote: string; by: PersonRef; at: string }): BracketItem {
  const placed = { id: fields.id, clauseId: body.clauseId, anchor: body.anchor ?? null, quote: fields.quote, placedBy: fields.by, placedAt: fields.at, resolvedBy: null, resolvedAt: null, version: 1 }
  return body.kind === 'bracket'
    ? { kind: 'bracket', ...placed, requestedBy: body.requestedBy, reason: body.reason, status: 'open' }
    : { kind: 'alternatives', ...placed, options: body.options, status: 'open', chosen: null }
}

/** What resolving does: the item as recorded afterwards, and the words its span gets (null: the text stays as it is). */
export interface Resolution {
  item: BracketItem
  words: string | null
}

function chosen(item: AlternativesRecord, option: number): AlternativesRecord['options'][number] {
  const found = item.options[option - 1]
  if (!found) throw new NegotiationRefusal(400, 'unknown_option', { option, count: item.options.length })
  return found
}

/** Resolves an open item: lift it keeping the text, delete a bracket's words, or choose one alternative; refuses anything else. */
export function resolveItem(item: BracketItem, body: ResolveBracketBody, by: PersonRef, at: string): Resolution {
  if (item.status !== 'open') throw new NegotiationRefusal(409, 'already_resolved')
  const resolved = { resolvedBy: by, resolvedAt: at }
  switch (body.action) {
    case 'lift':
      return { item: { ...item, ...resolved, status: 'lifted' }, words: null }
    case 'delete-text':
      if (item.kind !== 'bracket') throw new NegotiationRefusal(400, 'bad_resolution.alternatives')
      return { item: { ...item, ...resolved, status: 'text-deleted' }, words: '' }
    case 'choose':
      if (item.kind !== 'alternatives') throw new NegotiationRefusal(400, 'bad_resolution.bracket')
      return { item: { ...item, ...resolved, status: 'chosen', chosen: body.option }, words: chosen(item, body.option).text }
  }
}

/** The audit action of a placement or a resolution. */
export function auditAction(item: BracketItem): string {
  if (item.status === 'open') return item.kind === 'bracket' ? 'bracket_placed' : 'alternatives_placed'
  const noun = item.kind === 'bracket' ? 'bracket' : 'alternatives'
  return `${noun}_${item.status.replaceAll('-', '_')}`
}

import * as Y from 'yjs'
import { clauseKindOf } from '../../../shared/editor/clauseKind.js'
import { DECLARATION_FRAGMENT } from '../../../shared/editor/declarationExtensions.js'
import { readLabelRecords, ROUND_BASE_KEY, ROUND_LABELS_MAP, roundBase, type RoundBase } from '../../../shared/negotiation/labelRecords.js'
import { assignLabels, formatLabel, parseLabel, positionalLabels, recordKey, type ClauseSlot, type RoundLabel } from '../../../shared/negotiation/roundLabels.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { LabelChange } from '../../../shared/versions/negotiationChanges.js'

/** The origin of the server's own writes of labels, as the saver and the peers see it. */
export const LABELS_ORIGIN = 'round-labels'

/** The clauses of the shared text as numbering sees them, read straight off the Yjs elements (no ProseMirror copy). */
export function clauseSlotsOf(doc: Y.Doc): ClauseSlot[] {
  const slots: ClauseSlot[] = []
  for (const child of doc.getXmlFragment(DECLARATION_FRAGMENT).toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'clause') continue
    const id: unknown = child.getAttribute('id')
    slots.push({ id: typeof id === 'string' ? id : null, kind: clauseKindOf(child.getAttribute('kind')) })
  }
  return slots
}

/** Records the label of every paragraph that has none yet; nothing before the round begins. */
export function recordNewLabels(doc: Y.Doc): void {
  const records = readLabelRecords(doc)
  if (records.size === 0) return
  const { added } = assignLabels(records, clauseSlotsOf(doc))
  if (added.size === 0) return
  const map = doc.getMap(ROUND_LABELS_MAP)
  Y.transact(doc, () => added.forEach((label, key) => map.set(key, label)), LABELS_ORIGIN)
}

/** Begins a round with these labels (see `roundBase`), forgetting every earlier one; `recordNewLabels` then labels the rest. */
export function beginRound(doc: Y.Doc, base: RoundBase): void {
  const map = doc.getMap(ROUND_LABELS_MAP)
  Y.transact(
    doc,
    () => {
      map.clear()
      map.set(ROUND_BASE_KEY, JSON.stringify(base))
    },
    LABELS_ORIGIN,
  )
}

/** The labels a frozen version's paragraphs were frozen with, as a round beginning at it records them. */
export function frozenLabels(frozen: CanonicalText): Map<string, RoundLabel> {
  const labels = new Map<string, RoundLabel>()
  for (const block of frozen.blocks) {
    if (block.type !== 'clause' || block.id === null) continue
    const label = parseLabel(block.label)
    if (label && label.kind === clauseKindOf(block.kind)) labels.set(recordKey(label.kind, block.id), label)
  }
  return labels
}

/** Numbers the text 1, 2, 3 … again as a new round's labels; returns the labels that changed. */
export function renumberLabels(doc: Y.Doc): LabelChange[] {
  const slots = clauseSlotsOf(doc)
  const before = assignLabels(readLabelRecords(doc), slots).labels
  const after = positionalLabels(slots)
  beginRound(doc, roundBase(new Map(slots.flatMap((slot, index): [string, RoundLabel][] => (slot.id === null ? [] : [[recordKey(slot.kind, slot.id), after[index]!]])))))
  recordNewLabels(doc)
  return slots.flatMap((slot, index) => {
    const to = formatLabel(after[index]!)
    return slot.id !== null && before[index] !== to ? [{ clauseId: slot.id, from: before[index]!, to }] : []
  })
}

/** True when a change to the shared text may add, remove or re-kind a paragraph, or move an id between paragraphs. */
function reshapes(events: Y.YEvent<Y.AbstractType<unknown>>[], fragment: Y.XmlFragment): boolean {
  return events.some((event) => event.target === fragment || (event instanceof Y.YXmlEvent && (event.attributesChanged.has('kind') || event.attributesChanged.has('id'))))
}

/** Keeps a loaded document's labels recorded: any paragraph that appears gets its label in the same turn, saved with the text. */
export function followRoundLabels(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(DECLARATION_FRAGMENT)
  fragment.observeDeep((events) => {
    if (reshapes(events, fragment)) recordNewLabels(doc)
  })
  recordNewLabels(doc)
}

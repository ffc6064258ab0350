import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'

/** A clause's stable id, or null for blocks that have none (the title, headings, lists). */
function idOf(block: Y.XmlElement | ProseMirrorNode): string | null {
  const id: unknown = block instanceof Y.XmlElement ? block.getAttribute('id') : block.attrs.id
  return typeof id === 'string' && id !== '' ? id : null
}

/** Indices (into `values`) of a longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = []
  const previous = new Array<number>(values.length).fill(-1)
  values.forEach((value, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (values[tails[middle]!]! < value) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[index] = tails[low - 1]!
    tails[low] = index
  })
  const kept = new Set<number>()
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]!) kept.add(index)
  return kept
}

/**
 * Which live block each target block keeps, by position in `target`. Clauses pair by stable id, in an order both sides
 * share; a block without an id pairs with the next unpaired live block of its type between the same clauses.
 */
function pairBlocks(live: Y.XmlElement[], target: ProseMirrorNode[]): (Y.XmlElement | null)[] {
  const liveIndexById = new Map<string, number>()
  live.forEach((block, index) => {
    const id = idOf(block)
    if (id !== null && !liveIndexById.has(id)) liveIndexById.set(id, index)
  })
  const byId = target.map((block) => {
    const id = idOf(block)
    const index = id === null ? undefined : liveIndexById.get(id)
    return index !== undefined && live[index]!.nodeName === block.type.name ? index : null
  })
  const candidates = byId.flatMap((liveIndex, targetIndex) => (liveIndex === null ? [] : [{ liveIndex, targetIndex }]))
  const inOrder = longestIncreasing(candidates.map(({ liveIndex }) => liveIndex))
  const pairs: (number | null)[] = target.map(() => null)
  candidates.forEach(({ liveIndex, targetIndex }, index) => {
    if (inOrder.has(index)) pairs[targetIndex] = liveIndex
  })
  const used = new Set(pairs.filter((index): index is number => index !== null))
  let cursor = 0
  target.forEach((block, targetIndex) => {
    const anchor = pairs[targetIndex]
    if (anchor !== null && anchor !== undefined) {
      cursor = anchor + 1
      return
    }
    if (idOf(block) !== null) return
    const next = pairs.slice(targetIndex).find((index) => index !== null) ?? live.length
    for (let index = cursor; index < next; index += 1) {
      const candidate = live[index]!
      if (used.has(index) || idOf(candidate) !== null || candidate.nodeName !== block.type.name) continue
      pairs[targetIndex] = index
      used.add(index)
      cursor = index + 1
      break
    }
  })
  return pairs.map((index) => (index === null ? null : live[index]!))
}

/**
 * Rewrites a live fragment into `target` block by block, inside the caller's transaction. Blocks it keeps keep their
 * Yjs items, changed only where their text differs, so a keystroke made on the old text and arriving later still lands;
 * only blocks the target lacks are deleted.
 */
export function replaceBlocks(fragment: Y.XmlFragment, target: ProseMirrorNode): void {
  const live = fragment.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
  const blocks: ProseMirrorNode[] = []
  target.forEach((block) => blocks.push(block))
  const pairs = pairBlocks(live, blocks)
  const kept = new Set(pairs)
  for (let index = fragment.length - 1; index >= 0; index -= 1) {
    const child = fragment.get(index)
    if (!(child instanceof Y.XmlElement) || !kept.has(child)) fragment.delete(index, 1)
  }
  blocks.forEach((block, index) => {
    let element = pairs[index]
    if (!element) {
      element = new Y.XmlElement(block.type.name)
      fragment.insert(index, [element])
    }
    prosemirrorToYXmlFragment(block, element)
  })
}

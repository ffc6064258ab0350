import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import canonicalize from 'canonicalize'
import { clauseIdPattern } from '../editor/clauseId.js'
import { labelClauses } from '../editor/clauseLabels.js'
import type { RoundLabelRecords } from '../negotiation/roundLabels.js'
import type { NegotiationSnapshot } from './negotiationSnapshot.js'

/** A run of text with its formatting, or a footnote-style note. */
export type CanonicalInline = { text: string; marks: string[] } | { note: string }

/** One block of the declaration in its canonical form. */
export type CanonicalBlock =
  | { type: 'clause'; id: string | null; kind: string; label: string; content: CanonicalInline[] }
  | { type: 'heading'; level: number; content: CanonicalInline[] }
  | { type: 'list'; ordered: boolean; items: CanonicalListItem[] }

/** A sub-item: its line and any nested list. */
export interface CanonicalListItem {
  content: CanonicalInline[]
  lists: CanonicalBlock[]
}

/** The text of a declaration as frozen, hashed, compared and signed: never the Yjs encoding, which is not canonical. */
export interface CanonicalText {
  /** Form 1 is the text alone; form 2 adds the negotiation state, so the hash covers both. */
  format: 'kelisim-text/1' | 'kelisim-text/2'
  title: string
  blocks: CanonicalBlock[]
  /** Form 2 only: paragraph statuses, brackets and alternatives, sorted canonically. */
  negotiation?: NegotiationSnapshot
}

const nfc = (text: string) => text.normalize('NFC')

function inlines(node: ProseMirrorNode): CanonicalInline[] {
  const runs: CanonicalInline[] = []
  node.forEach((child) => {
    if (child.type.name === 'footnote') {
      runs.push({ note: nfc(String(child.attrs.text ?? '')) })
      return
    }
    const text = child.type.name === 'hardBreak' ? '\n' : nfc(child.text ?? '')
    const marks = child.marks.map((mark) => mark.type.name).sort()
    const previous = runs.at(-1)
    // Adjacent runs with the same formatting are one run, however the editor happened to split them.
    if (previous && 'text' in previous && previous.marks.join() === marks.join()) previous.text = nfc(previous.text + text)
    else if (text) runs.push({ text, marks })
  })
  return runs
}

function list(node: ProseMirrorNode): CanonicalBlock {
  const items: CanonicalListItem[] = []
  node.forEach((item) => {
    const [line, ...nested] = item.children
    items.push({ content: line ? inlines(line) : [], lists: nested.map(list) })
  })
  return { type: 'list', ordered: node.type.name === 'orderedList', items }
}

/** Reads the text of a declaration document in canonical form 1, labelled with the round's labels. */
export function canonicalText(doc: ProseMirrorNode, labels?: RoundLabelRecords): CanonicalText {
  const clauses = new Map(labelClauses(doc, labels).map((clause) => [clause.pos, clause]))
  const blocks: CanonicalBlock[] = []
  let title = ''
  doc.forEach((node, pos) => {
    switch (node.type.name) {
      case 'title':
        title = nfc(node.textContent)
        break
      case 'clause': {
        // Attributes come from the shared document as any client wrote them; only what the schema means is frozen.
        const clause = clauses.get(pos)
        const id = clause?.id && clauseIdPattern.test(clause.id) ? clause.id : null
        blocks.push({ type: 'clause', id, kind: clause?.kind ?? 'operative', label: clause?.label ?? '', content: inlines(node) })
        break
      }
      case 'heading':
        // The editor shows any level but 3 as a level 2 heading.
        blocks.push({ type: 'heading', level: node.attrs.level === 3 ? 3 : 2, content: inlines(node) })
        break
      default:
        blocks.push(list(node))
    }
  })
  return { format: 'kelisim-text/1', title, blocks }
}

/** RFC 8785 (JCS) serialization of a canonical text (or part of one), after Unicode NFC normalization of every string. */
export function serializeCanonical(text: CanonicalText | NegotiationSnapshot): string {
  const normalized = JSON.parse(JSON.stringify(text), (_key, value: unknown) => (typeof value === 'string' ? nfc(value) : value)) as unknown
  const serialized = canonicalize(normalized)
  if (serialized === undefined) throw new Error('canonical text could not be serialized')
  return serialized
}

/** Lowercase hex SHA-256 of bytes, with Web Crypto (browser and Node alike). */
export async function sha256HexOfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Lowercase hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): Promise<string> {
  return sha256HexOfBytes(new TextEncoder().encode(text))
}

/** The plain text of a block's inline content, notes in brackets, as the redline compares it. */
export function plainText(content: CanonicalInline[]): string {
  return content.map((run) => ('note' in run ? `[${run.note}]` : run.text)).join('')
}

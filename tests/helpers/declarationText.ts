import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { newClauseId } from '../../shared/editor/clauseId.js'
import { DECLARATION_FRAGMENT } from '../../shared/editor/declarationExtensions.js'
import { decodeLog } from '../../server/src/store/updateLogFormat.js'

/** The text node of the clause at `index` (0 is the first clause, after the title). */
export function clauseText(fragment: Y.XmlFragment, index: number): Y.XmlText {
  const element = fragment.get(index + 1)
  if (!(element instanceof Y.XmlElement) || element.nodeName !== 'clause') throw new Error(`no clause at ${index}`)
  const text = element.get(0)
  if (!(text instanceof Y.XmlText)) throw new Error(`clause ${index} has no text`)
  return text
}

/** The plain text of every clause, in order. */
export function clauseTexts(fragment: Y.XmlFragment): string[] {
  return fragment
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'clause')
    .map((element) => element.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join(''))
}

/** The updates stored for a document, read straight from disk, independent of any running server. */
export async function readStoredUpdates(dataDir: string, name: string): Promise<Uint8Array[]> {
  return decodeLog(await readFile(join(dataDir, 'documents', `${name}.ylog`))).updates
}

/** A document as stored on disk. */
export async function readStoredDocument(dataDir: string, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const update of await readStoredUpdates(dataDir, name)) Y.applyUpdate(doc, update)
  return doc
}

/** The declaration fragment of a doc. */
export function fragmentOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DECLARATION_FRAGMENT)
}

/** Appends `count` long clauses (the first fifth preambular) as the editor writes them, in one change: a large declaration. */
export function appendLongClauses(doc: Y.Doc, count: number): void {
  const root = fragmentOf(doc)
  root.insert(
    root.length,
    Array.from({ length: count }, (_, n) => {
      const clause = new Y.XmlElement('clause')
      clause.setAttribute('id', newClauseId())
      clause.setAttribute('kind', n < count / 5 ? 'preambular' : 'operative')
      clause.insert(0, [new Y.XmlText(`Paragraph ${n}: ${'inclusive education for every child, '.repeat(8)}`)])
      return clause
    }),
  )
}

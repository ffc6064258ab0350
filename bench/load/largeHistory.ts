import * as Y from 'yjs'
import { newClauseId } from '../../shared/editor/clauseId.js'
import { DECLARATION_FRAGMENT } from '../../shared/editor/declarationExtensions.js'

const WORDS = (
  'recognizing the right of every person to education without discrimination and on the basis of equal opportunity ' +
  'member states shall ensure inclusive and equitable quality education and promote lifelong learning for all ' +
  'including persons with disabilities indigenous peoples and children in vulnerable situations'
).split(' ')

/** Delegations taking turns at the text, as distinct Yjs clients. */
const AUTHORS = [1_000_001, 1_000_002, 1_000_003, 1_000_004]

/** Paragraphs per update sent: small enough for one frame, large enough to keep the push short. */
const PARAGRAPHS_PER_UPDATE = 100

/**
 * Grows a declaration from `base` to `paragraphs` more clauses the way a negotiation does: one delegation types each
 * paragraph word by word, the next deletes a phrase and inserts its own wording. Returns the history as updates.
 */
export function largeHistory(base: Uint8Array, paragraphs: number): Uint8Array[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, base)
  const fragment = doc.getXmlFragment(DECLARATION_FRAGMENT)
  const updates: Uint8Array[] = []
  let since = Y.encodeStateVector(doc)
  const cut = () => {
    updates.push(Y.encodeStateAsUpdate(doc, since))
    since = Y.encodeStateVector(doc)
  }
  for (let index = 0; index < paragraphs; index += 1) {
    doc.clientID = AUTHORS[index % AUTHORS.length]!
    const clause = new Y.XmlElement('clause')
    const text = new Y.XmlText()
    doc.transact(() => {
      clause.setAttribute('id', newClauseId())
      clause.setAttribute('kind', index < paragraphs / 10 ? 'preambular' : 'operative')
      clause.insert(0, [text])
      fragment.insert(fragment.length, [clause])
    })
    for (let word = 0; word < 24; word += 1) {
      doc.transact(() => text.insert(text.length, `${WORDS[(index * 7 + word) % WORDS.length]!} `))
    }
    doc.clientID = AUTHORS[(index + 1) % AUTHORS.length]!
    doc.transact(() => text.delete(10, 20))
    doc.transact(() => text.insert(10, 'as amended in plenary, '))
    if ((index + 1) % PARAGRAPHS_PER_UPDATE === 0) cut()
  }
  if (paragraphs % PARAGRAPHS_PER_UPDATE !== 0) cut()
  doc.destroy()
  return updates
}

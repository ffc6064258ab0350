import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anchorBetween } from '../../../shared/comments/anchors.js'
import { DECLARATION_FRAGMENT } from '../../../shared/editor/declarationExtensions.js'
import type { AmendmentRecord } from '../../../shared/negotiation/amendmentRecord.js'
import { proposeAmendment } from '../../../shared/negotiation/amendmentRules.js'
import { prepareChange } from '../../../shared/negotiation/paragraphChanges.js'
import { NeedsUpdateWatch } from '../../../server/src/negotiation/NeedsUpdateWatch.js'

const PARAGRAPHS = 60
const PER_PARAGRAPH = 5
const KEYSTROKES = 400
const by = { id: 'p1', name: 'Ержан Нұрланұлы', delegation: 'KAZ' }
/** One turn of the event loop: the watch checks what a turn touched at its end. */
const turn = () => new Promise((resolve) => setImmediate(resolve))

/** A declaration of many paragraphs, each "Commit to ensure that every child learns in school;". */
function declaration(): { doc: Y.Doc; texts: Y.XmlText[] } {
  const doc = new Y.Doc()
  const texts = Array.from({ length: PARAGRAPHS }, () => new Y.XmlText('Commit to ensure that every child learns in school;'))
  const clauses = texts.map((text, index) => {
    const clause = new Y.XmlElement('clause')
    clause.setAttribute('id', `clause${String(index).padStart(3, '0')}`)
    clause.setAttribute('kind', 'operative')
    clause.insert(0, [text])
    return clause
  })
  doc.getXmlFragment(DECLARATION_FRAGMENT).insert(0, [new Y.XmlElement('title'), ...clauses])
  return { doc, texts }
}

/** A pending amendment replacing `length` characters from `from` in paragraph `index`. */
function amendment(doc: Y.Doc, texts: Y.XmlText[], number: number, index: number, from: number, length: number): AmendmentRecord {
  const text = texts[index]!
  const span = { ...anchorBetween({ type: text, index: from }, { type: text, index: from + length }), content: [{ text: 'promote', marks: [] }] }
  const change = prepareChange(doc, { kind: 'words', clauseId: `clause${String(index).padStart(3, '0')}`, spans: [span] }).build('0'.repeat(64))
  return proposeAmendment({ id: `a${number}`, number, change, justification: '', by, at: '2026-12-01T10:00:00.000Z' })
}

describe('watching for "needs update"', () => {
  it('checks on a keystroke only the amendments of the paragraph typed in, and none for a paragraph without any', async () => {
    const { doc, texts } = declaration()
    // Every paragraph but the last two has amendments on "ensure" (10..16); paragraph 0 has one more on "school" (44..50).
    const amendments = texts.slice(0, PARAGRAPHS - 2).flatMap((_, index) => Array.from({ length: PER_PARAGRAPH }, (__, k) => amendment(doc, texts, index * PER_PARAGRAPH + k + 1, index, 10, 6)))
    const onSchool = amendment(doc, texts, 1000, 0, 44, 6)
    const unfit: number[][] = []
    const watch = new NeedsUpdateWatch((_declaration, numbers) => unfit.push(numbers))
    watch.observe('almaty', doc, [...amendments, onSchool])
    const start = watch.checks

    const untouched = texts[PARAGRAPHS - 1]!
    for (let key = 0; key < KEYSTROKES; key += 1) {
      untouched.insert(untouched.length - 1, 'x')
      await turn()
    }
    expect(watch.checks - start).toBe(0)

    // A keystroke per turn of the event loop, as a lone typist sends them: each checks the paragraph's six amendments.
    const typedIn = texts[0]!
    for (let key = 0; key < KEYSTROKES; key += 1) {
      typedIn.insert(typedIn.length - 1, 'y')
      await turn()
    }
    expect(watch.checks - start).toBe(KEYSTROKES * (PER_PARAGRAPH + 1))
    // Many keystrokes in one turn, as under load: checked once.
    for (let key = 0; key < KEYSTROKES; key += 1) typedIn.insert(typedIn.length - 1, 'z')
    await turn()
    expect(watch.checks - start).toBe((KEYSTROKES + 1) * (PER_PARAGRAPH + 1))
    expect(unfit).toEqual([])

    typedIn.delete(typedIn.toString().indexOf('school') + 1, 2)
    await turn()
    expect(unfit).toEqual([[1000]])
    typedIn.delete(0, 1)
    await turn()
    expect(unfit).toEqual([[1000]])
    typedIn.delete(typedIn.toString().indexOf('ensure'), 1)
    await turn()
    expect(unfit.at(-1)?.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5])
  })

  it('flags amendments on a paragraph as it is deleted, and none on the others', async () => {
    const { doc, texts } = declaration()
    const onFirst = amendment(doc, texts, 1, 3, 10, 6)
    const onOther = amendment(doc, texts, 2, 4, 10, 6)
    const unfit: number[][] = []
    const watch = new NeedsUpdateWatch((_declaration, numbers) => unfit.push(numbers))
    watch.observe('almaty', doc, [onFirst, onOther])
    doc.getXmlFragment(DECLARATION_FRAGMENT).delete(4, 1)
    await turn()
    expect(unfit).toEqual([[1]])
  })

  it('flags word changes on a paragraph moved as a copy with its id, but not its deletion, which still fits', async () => {
    const { doc, texts } = declaration()
    const onWords = amendment(doc, texts, 1, 5, 10, 6)
    const deletion = proposeAmendment({ id: 'a2', number: 2, change: prepareChange(doc, { kind: 'paragraph.delete', clauseId: 'clause005' }).build('0'.repeat(64)), justification: '', by, at: '2026-12-01T10:00:00.000Z' })
    const unfit: number[][] = []
    const watch = new NeedsUpdateWatch((_declaration, numbers) => unfit.push(numbers))
    watch.observe('almaty', doc, [onWords, deletion])
    const fragment = doc.getXmlFragment(DECLARATION_FRAGMENT)
    doc.transact(() => {
      const copy = new Y.XmlElement('clause')
      copy.setAttribute('id', 'clause005')
      copy.setAttribute('kind', 'operative')
      copy.insert(0, [new Y.XmlText(texts[5]!.toString())])
      fragment.delete(6, 1)
      fragment.insert(1, [copy])
    })
    await turn()
    expect(unfit).toEqual([[1]])
  })
})

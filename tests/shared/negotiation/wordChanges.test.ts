import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anchorBetween } from '../../../shared/comments/anchors.js'
import { NegotiationRefusal } from '../../../shared/negotiation/amendmentRules.js'
import { applyWordChange, prepareWordChange, resolveWordChange } from '../../../shared/negotiation/wordChanges.js'

/** A document with a title and two clauses, as the editor writes them. */
function declaration(...texts: string[]): { doc: Y.Doc; clauses: Y.XmlText[] } {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const clauses = texts.map((words, index) => {
    const clause = new Y.XmlElement('clause')
    clause.setAttribute('id', `clause${index}x`)
    clause.setAttribute('kind', 'operative')
    const text = new Y.XmlText()
    text.insert(0, words)
    clause.insert(0, [text])
    return { clause, text }
  })
  fragment.insert(0, [new Y.XmlElement('title'), ...clauses.map(({ clause }) => clause)])
  return { doc, clauses: clauses.map(({ text }) => text) }
}

const span = (text: Y.XmlText, from: number, to: number, words: string, marks: ('bold' | 'italic')[] = []) => ({
  ...anchorBetween({ type: text, index: from }, { type: text, index: to }),
  content: words ? [{ text: words, marks }] : [],
})

describe('word changes', () => {
  it('replaces, inserts and deletes only inside their spans, with the marks given and none inherited', () => {
    const { doc, clauses } = declaration('Commit to ensure that every child learns;')
    const [text] = clauses as [Y.XmlText]
    text.format(0, 6, { italic: {} })
    const prepared = prepareWordChange(doc, 'clause0x', [span(text, 10, 16, 'promote', ['bold']), span(text, 28, 28, 'girl '), span(text, 33, 40, '')])
    expect(prepared.spans.map((change) => change.original)).toEqual(['ensure', '', ' learns'])
    text.insert(0, 'We ')
    const resolved = resolveWordChange(doc, 'clause0x', prepared.spans)
    expect(resolved).not.toBeNull()
    applyWordChange(doc, resolved!, 'test')
    expect(text.toString()).toBe('We <italic>Commit</italic> to <bold>promote</bold> that every girl child;')
  })

  it('refuses a span in another paragraph, and overlapping spans', () => {
    const { doc, clauses } = declaration('First paragraph.', 'Second paragraph.')
    const code = (step: () => unknown) => {
      try {
        step()
        return 'allowed'
      } catch (error) {
        return error instanceof NegotiationRefusal ? error.code : String(error)
      }
    }
    expect(code(() => prepareWordChange(doc, 'clause0x', [span(clauses[1]!, 0, 6, 'Other')]))).toBe('bad_span')
    expect(code(() => prepareWordChange(doc, 'nosuchclause', [span(clauses[0]!, 0, 5, 'Other')]))).toBe('unknown_paragraph')
    expect(code(() => prepareWordChange(doc, 'clause0x', [span(clauses[0]!, 0, 5, 'A'), span(clauses[0]!, 3, 9, 'B')]))).toBe('overlapping_spans')
  })

  it('needs an update once the words of a span change or someone types at its insertion point, never for edits beside it', () => {
    const { doc, clauses } = declaration('Call upon governments to act;')
    const [text] = clauses as [Y.XmlText]
    const replace = prepareWordChange(doc, 'clause0x', [span(text, 10, 21, 'States')]).spans
    const insert = prepareWordChange(doc, 'clause0x', [span(text, 25, 25, 'swiftly ')]).spans
    text.insert(10, 'all ')
    text.insert(text.length - 1, ' now')
    expect(resolveWordChange(doc, 'clause0x', replace)).not.toBeNull()
    expect(resolveWordChange(doc, 'clause0x', insert)).not.toBeNull()
    text.insert(text.toString().indexOf('govern') + 3, 'X')
    expect(resolveWordChange(doc, 'clause0x', replace)).toBeNull()
    text.insert(text.toString().indexOf('act'), 'to ')
    expect(resolveWordChange(doc, 'clause0x', insert)).toBeNull()
  })
})

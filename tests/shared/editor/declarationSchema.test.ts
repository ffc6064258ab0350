import { describe, expect, it } from 'vitest'
import { declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { labelClauses } from '../../../shared/editor/clauseLabels.js'

const clause = (kind: string, text: string, id = `id${text.length}${kind.length}x`) => ({
  type: 'clause',
  attrs: { id, kind },
  content: [{ type: 'text', text }],
})
const title = { type: 'title', content: [{ type: 'text', text: 'T' }] }

function docOf(...content: object[]) {
  const node = declarationSchema.nodeFromJSON({ type: 'doc', content })
  node.check()
  return node
}

describe('the declaration schema', () => {
  it('accepts a title, clauses, headings, nested sub-items, notes and emphasis', () => {
    expect(() =>
      docOf(
        title,
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Preamble' }] },
        {
          type: 'clause',
          attrs: { id: 'abc123def456', kind: 'operative' },
          content: [
            { type: 'text', text: 'Decides', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'footnote', attrs: { text: 'See annex.' } },
          ],
        },
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: '(a) first' }] },
                { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
              ],
            },
          ],
        },
      ),
    ).not.toThrow()
  })

  it('refuses free paragraphs, a missing title, and unknown nodes or marks', () => {
    expect(() => docOf(title, { type: 'paragraph', content: [{ type: 'text', text: 'x' }] })).toThrow()
    expect(() => docOf(clause('operative', 'x'))).toThrow()
    expect(() => docOf(title, { type: 'image', attrs: { src: 'x' } })).toThrow()
    expect(() => docOf(title, { type: 'clause', content: [{ type: 'text', text: 'x', marks: [{ type: 'link' }] }] })).toThrow()
  })

  it('has exactly the node and mark types of a declaration, no arbitrary HTML', () => {
    expect(Object.keys(declarationSchema.nodes)).toEqual(
      expect.arrayContaining(['doc', 'title', 'clause', 'heading', 'bulletList', 'orderedList', 'listItem', 'paragraph', 'text', 'hardBreak', 'footnote']),
    )
    expect(Object.keys(declarationSchema.nodes)).toHaveLength(11)
    expect(Object.keys(declarationSchema.marks).sort()).toEqual(['bold', 'italic'])
  })
})

describe('clause numbering', () => {
  it('numbers preambular and operative paragraphs separately, from their position', () => {
    const doc = docOf(
      title,
      clause('preambular', 'a', 'p1'),
      clause('preambular', 'b', 'p2'),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Operative' }] },
      clause('operative', 'c', 'o1'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      clause('operative', 'd', 'o2'),
      clause('preambular', 'e', 'p3'),
    )
    expect(labelClauses(doc).map(({ id, label }) => [id, label])).toEqual([
      ['p1', 'PP1'],
      ['p2', 'PP2'],
      ['o1', 'OP1'],
      ['o2', 'OP2'],
      ['p3', 'PP3'],
    ])
  })

  it('renumbers everything after an inserted paragraph', () => {
    const before = docOf(title, clause('operative', 'a', 'o1'), clause('operative', 'b', 'o2'))
    const after = docOf(title, clause('operative', 'new', 'o9'), clause('operative', 'a', 'o1'), clause('operative', 'b', 'o2'))
    expect(labelClauses(before).map((c) => `${c.id}=${c.label}`)).toEqual(['o1=OP1', 'o2=OP2'])
    expect(labelClauses(after).map((c) => `${c.id}=${c.label}`)).toEqual(['o9=OP1', 'o1=OP2', 'o2=OP3'])
  })
})

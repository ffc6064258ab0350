import { describe, expect, it } from 'vitest'
import { declarationSchema } from '../../../shared/editor/declarationExtensions.js'
import { attributeValueRules, declarationRules, documentRule } from '../../../shared/editor/schemaRules.js'

describe('the schema rules derived from the editor schema', () => {
  it('have a value rule for every attribute of every node, and none for attributes the schema lacks', () => {
    for (const type of Object.values(declarationSchema.nodes)) {
      expect(Object.keys(attributeValueRules[type.name] ?? {}).sort()).toEqual(Object.keys(type.spec.attrs ?? {}).sort())
    }
  })

  it('accept the defaults the editor writes', () => {
    for (const type of Object.values(declarationSchema.nodes)) {
      for (const [name, spec] of Object.entries(type.spec.attrs ?? {})) {
        const value: unknown = (spec as { default?: unknown }).default
        // The binding leaves out attributes whose value is null; a clause's id is set before it is written.
        if (value === null || (type.name === 'clause' && name === 'id')) continue
        // The heading's schema default (1) is not a level the editor offers; the editor always sets one.
        if (type.name === 'heading') continue
        expect(declarationRules.get(type.name)!.attributes.get(name)!(value), `${type.name}.${name}`).toBe(true)
      }
    }
  })

  it('follow the content expressions: the top level holds blocks, not paragraphs; lists hold items; the title holds unmarked text', () => {
    expect([...documentRule.children].sort()).toEqual(['bulletList', 'clause', 'heading', 'orderedList', 'title'])
    expect([...declarationRules.get('bulletList')!.children]).toEqual(['listItem'])
    expect([...declarationRules.get('listItem')!.children].sort()).toEqual(['bulletList', 'orderedList', 'paragraph'])
    expect([...declarationRules.get('title')!.children]).toEqual(['text'])
    expect(declarationRules.get('title')!.marks.size).toBe(0)
    expect([...declarationRules.get('clause')!.marks].sort()).toEqual(['bold', 'italic'])
    expect([...declarationRules.get('clause')!.children].sort()).toEqual(['footnote', 'hardBreak', 'text'])
  })

  it('take heading levels from the configured extension', () => {
    const level = declarationRules.get('heading')!.attributes.get('level')!
    expect([1, 2, 3, 4].map(level)).toEqual([false, true, true, false])
  })
})

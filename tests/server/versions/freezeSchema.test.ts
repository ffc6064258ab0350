import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { declarationState } from '../../../server/src/seed/seedDemo.js'
import { readDeclarationText } from '../../../server/src/versions/readDeclarationText.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import { fragmentOf } from '../../helpers/declarationText.js'
import { tamperedEdits } from '../../helpers/tamperedEdits.js'

const clauses = [
  { kind: 'preambular' as const, text: 'Recalling the Salamanca Statement,' },
  { kind: 'operative' as const, text: 'Calls upon all States to ensure inclusive education;' },
]

function declaration(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, declarationState('Almaty Declaration', clauses))
  return doc
}

// Breaks that stay inside the declaration text; the others do not change what is read.
const inTheText = tamperedEdits.filter(({ name }) => !/outside the declaration|another fragment|the title deleted/.test(name))

describe('the canonical text a freeze hashes', () => {
  it('is built from a declaration that passes the schema check', () => {
    const text = readDeclarationText(declaration())
    expect(text.schemaProblems).toEqual([])
    const frozen = JSON.parse(text.serialized) as CanonicalText
    const clauseIds = frozen.blocks.flatMap((block) => (block.type === 'clause' && block.id !== null ? [block.id] : []))
    expect(clauseIds).toHaveLength(2)
    // With no status stored, every paragraph is frozen open.
    expect(frozen).toMatchObject({ format: 'kelisim-text/2', negotiation: { statuses: [...clauseIds].sort().map((clauseId) => ({ clauseId, status: 'open' })), brackets: [], alternatives: [] } })
  })

  it.each(inTheText)('is not built, and nothing is changed, when the declaration has $name', ({ change }) => {
    const doc = declaration()
    change(doc, 0)
    const state = Y.encodeStateAsUpdate(doc)
    const text = readDeclarationText(doc)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state)
    expect(text.schemaProblems.length).toBeGreaterThan(0)
    expect(text.serialized).toBe('')
  })

  it('is not built when the title is gone', () => {
    const doc = declaration()
    fragmentOf(doc).delete(0, 1)
    expect(readDeclarationText(doc).schemaProblems).toContain('put the title first')
  })
})

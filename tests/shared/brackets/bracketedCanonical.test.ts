import { describe, expect, it } from 'vitest'
import { withBracketsPrinted } from '../../../shared/brackets/bracketedCanonical.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import { redline } from '../../../shared/versions/redline.js'

const CLAUSE = 'clause00001'
const content = [{ text: 'States ', marks: [] }, { note: 'See the report.' }, { text: 'shall', marks: ['bold'] }, { text: ' ensure free education;', marks: [] }]
const text = (brackets: { start: number; end: number }[]): CanonicalText => ({
  format: 'kelisim-text/2',
  title: 'Almaty Declaration',
  blocks: [{ type: 'clause', id: CLAUSE, kind: 'operative', label: 'OP1', content }],
  negotiation: { statuses: [], brackets: brackets.map((span, index) => ({ ...span, id: `b${index}`, clauseId: CLAUSE, requestedBy: ['USA'], reason: '', placedBy: 'chair' })), alternatives: [] },
})

describe('brackets printed into a canonical text for the redline', () => {
  it('stand around the bracketed words though a note comes before them (offsets skip notes)', () => {
    // "shall ensure" is 7–19 of the text without the note.
    const printed = withBracketsPrinted(text([{ start: 7, end: 19 }]))
    expect(printed.blocks[0]).toMatchObject({ content: [{ text: 'States ' }, { note: 'See the report.' }, { text: '[' }, { text: 'shall', marks: ['bold'] }, { text: ' ensure' }, { text: ']' }, { text: ' free education;' }] })
  })

  it('make a redline show a bracket placed as inserted [ ] and lifted as deleted [ ], the note untouched', () => {
    const placed = redline(withBracketsPrinted(text([])), withBracketsPrinted(text([{ start: 7, end: 19 }])))
    const changes = (parts: typeof placed.paragraphs[number]['parts'], kind: string) => parts.filter((part) => part.kind === kind).map((part) => part.text).join('')
    expect(changes(placed.paragraphs[0]!.parts, 'inserted')).toBe('[]')
    expect(changes(placed.paragraphs[0]!.parts, 'deleted')).toBe('')
    expect(placed.paragraphs[0]!.parts.map((part) => part.text).join('')).toBe('States [See the report.][shall ensure] free education;')
    const lifted = redline(withBracketsPrinted(text([{ start: 7, end: 19 }])), withBracketsPrinted(text([])))
    expect(changes(lifted.paragraphs[0]!.parts, 'deleted')).toBe('[]')
  })
})

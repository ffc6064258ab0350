import { describe, expect, it } from 'vitest'
import { canonicalText } from '../../../shared/versions/canonicalText.js'
import { redline, type RedlinePart } from '../../../shared/versions/redline.js'
import { declarationDoc } from './fixtures.js'

const zero = canonicalText(
  declarationDoc('Draft', [
    ['pp0000000001', 'preambular', ['Recalling the right to education,']],
    ['op0000000001', 'operative', ['Decides to act;']],
    ['op0000000002', 'operative', ['Requests a report on progress.']],
    ['op0000000003', 'operative', ['Invites all States to cooperate;']],
  ]),
)

const marked = (parts: RedlinePart[]) => parts.map((part) => (part.kind === 'same' ? part.text : part.kind === 'inserted' ? `{+${part.text}+}` : `[-${part.text}-]`)).join('')

describe('the redline', () => {
  it('shows a reworded clause word by word', () => {
    const rev = canonicalText(
      declarationDoc('Draft', [
        ['pp0000000001', 'preambular', ['Recalling the right to education,']],
        ['op0000000001', 'operative', ['Firmly decides to act now;']],
        ['op0000000002', 'operative', ['Requests a report on progress.']],
        ['op0000000003', 'operative', ['Invites all States to cooperate;']],
      ]),
    )
    const result = redline(zero, rev)
    const op1 = result.paragraphs.find((paragraph) => paragraph.id === 'op0000000001')!
    expect(op1.status).toBe('changed')
    expect(marked(op1.parts)).toBe('[-Decides -]{+Firmly decides +}to act{+ now+};')
    expect(result.summary).toBe('OP1 changed.')
  })

  it('reports added, deleted and renumbered paragraphs, deletions kept in place', () => {
    const rev = canonicalText(
      declarationDoc('Draft', [
        ['pp0000000001', 'preambular', ['Recalling the right to education,']],
        ['op0000000009', 'operative', ['Welcomes the Congress;']],
        ['op0000000001', 'operative', ['Decides to act;']],
        ['op0000000003', 'operative', ['Invites all States to cooperate;']],
      ]),
    )
    const result = redline(zero, rev)
    expect(result.paragraphs.map((paragraph) => [paragraph.id, paragraph.status, paragraph.oldLabel, paragraph.newLabel])).toEqual([
      ['pp0000000001', 'unchanged', 'PP1', 'PP1'],
      ['op0000000009', 'added', null, 'OP1'],
      ['op0000000001', 'unchanged', 'OP1', 'OP2'],
      ['op0000000002', 'deleted', 'OP2', null],
      ['op0000000003', 'unchanged', 'OP3', 'OP3'],
    ])
    expect(result.summary).toBe('OP1 added; OP2 (old numbering) deleted.')
  })

  it('marks a moved paragraph', () => {
    const rev = canonicalText(
      declarationDoc('Draft', [
        ['pp0000000001', 'preambular', ['Recalling the right to education,']],
        ['op0000000003', 'operative', ['Invites all States to cooperate;']],
        ['op0000000001', 'operative', ['Decides to act;']],
        ['op0000000002', 'operative', ['Requests a report on progress.']],
      ]),
    )
    const result = redline(zero, rev)
    expect(result.paragraphs.filter((paragraph) => paragraph.moved).map((paragraph) => paragraph.id)).toEqual(['op0000000003'])
    expect(result.summary).toBe('OP1 moved.')
  })

  it('shows a split paragraph as its first half changed and its second half added', () => {
    const rev = canonicalText(
      declarationDoc('Draft', [
        ['pp0000000001', 'preambular', ['Recalling the right to education,']],
        ['op0000000001', 'operative', ['Decides to act;']],
        ['op0000000002', 'operative', ['Requests a report']],
        ['op0000000010', 'operative', ['on progress.']],
        ['op0000000003', 'operative', ['Invites all States to cooperate;']],
      ]),
    )
    const result = redline(zero, rev)
    const first = result.paragraphs.find((paragraph) => paragraph.id === 'op0000000002')!
    expect(marked(first.parts)).toBe('Requests a report[- on progress.-]')
    expect(result.paragraphs.find((paragraph) => paragraph.id === 'op0000000010')).toMatchObject({ status: 'added', newLabel: 'OP3' })
    expect(result.summary).toBe('OP2 changed; OP3 added.')
  })

  it('says when nothing changed', () => {
    expect(redline(zero, zero).summary).toBe('No changes.')
  })
})

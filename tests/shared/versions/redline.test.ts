import fc from 'fast-check'
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

  it('shows a split paragraph as a split: the new paragraph\'s text came from the old one, nothing deleted or added', () => {
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
    expect(first).toMatchObject({ status: 'unchanged', link: { kind: 'splitInto', label: 'OP3' } })
    expect(marked(first.parts)).toBe('Requests a report')
    const second = result.paragraphs.find((paragraph) => paragraph.id === 'op0000000010')!
    expect(second).toMatchObject({ status: 'split', newLabel: 'OP3', link: { kind: 'splitFrom', label: 'OP2' } })
    expect(marked(second.parts)).toBe('on progress.')
    expect(result.summary).toBe('OP2 split into OP2 and OP3.')
  })

  it('splits cleanly where the first half keeps the space before the cut', () => {
    const rev = canonicalText(
      declarationDoc('Draft', [
        ['op0000000002', 'operative', ['Requests a report ']],
        ['op0000000010', 'operative', ['on progress.']],
      ]),
    )
    const older = canonicalText(declarationDoc('Draft', [['op0000000002', 'operative', ['Requests a report on progress.']]]))
    const [first, second] = redline(older, rev).paragraphs
    expect([first!.status, marked(first!.parts), second!.status, marked(second!.parts)]).toEqual(['unchanged', 'Requests a report ', 'split', 'on progress.'])
    expect(redline(rev, older).paragraphs.map((paragraph) => [paragraph.status, marked(paragraph.parts)])).toEqual([
      ['unchanged', 'Requests a report on progress.'],
      ['merged', ''],
    ])
  })

  it('shows words changed in either half of a split', () => {
    const rev = canonicalText(
      declarationDoc('Draft', [
        ['pp0000000001', 'preambular', ['Recalling the right to education,']],
        ['op0000000001', 'operative', ['Decides to act;']],
        ['op0000000002', 'operative', ['Requests a full report']],
        ['op0000000010', 'operative', ['on progress made.']],
        ['op0000000003', 'operative', ['Invites all States to cooperate;']],
      ]),
    )
    const result = redline(zero, rev)
    expect(marked(result.paragraphs.find((paragraph) => paragraph.id === 'op0000000002')!.parts)).toBe('Requests a {+full +}report')
    expect(marked(result.paragraphs.find((paragraph) => paragraph.id === 'op0000000010')!.parts)).toBe('on progress{+ made+}.')
    expect(result.summary).toBe('OP2 changed; OP2 split into OP2 and OP3.')
  })

  it('shows a merge as a merge: the paragraph that is gone joined the one before it', () => {
    const rev = canonicalText(
      declarationDoc('Draft', [
        ['pp0000000001', 'preambular', ['Recalling the right to education,']],
        ['op0000000001', 'operative', ['Decides to act; Requests a report on progress.']],
        ['op0000000003', 'operative', ['Invites all States to cooperate;']],
      ]),
    )
    const result = redline(zero, rev)
    expect(result.paragraphs.map((paragraph) => [paragraph.id, paragraph.status, paragraph.link])).toEqual([
      ['pp0000000001', 'unchanged', null],
      ['op0000000001', 'unchanged', { kind: 'mergedFrom', label: 'OP2' }],
      ['op0000000002', 'merged', { kind: 'mergedInto', label: 'OP1' }],
      ['op0000000003', 'unchanged', null],
    ])
    expect(marked(result.paragraphs[1]!.parts)).toBe('Decides to act; Requests a report on progress.')
    expect(result.summary).toBe('OP2 (old numbering) merged into OP1.')
  })

  it('does not take an unrelated new paragraph for a split, nor an unrelated deletion for a merge', () => {
    const rev = canonicalText(
      declarationDoc('Draft', [
        ['pp0000000001', 'preambular', ['Recalling the right to education,']],
        ['op0000000001', 'operative', ['Decides to act and to fund schools;']],
        ['op0000000003', 'operative', ['Invites all States to cooperate;']],
        ['op0000000004', 'operative', ['Welcomes the Congress in Almaty.']],
      ]),
    )
    const shortened = canonicalText(
      declarationDoc('Draft', [
        ['pp0000000001', 'preambular', ['Recalling the right to education,']],
        ['op0000000001', 'operative', ['Decides to act;']],
        ['op0000000002', 'operative', ['Requests a report']],
        ['op0000000009', 'operative', ['Thanks the hosts warmly.']],
        ['op0000000003', 'operative', ['Invites all States to cooperate;']],
      ]),
    )
    expect(redline(zero, rev).summary).toBe('OP1 changed; OP3 added; OP2 (old numbering) deleted.')
    expect(redline(zero, shortened).summary).toBe('OP2 changed; OP3 added.')
  })

  it('finds every split at a word boundary, and its two halves give back the old text', () => {
    const words = fc.array(fc.constantFrom('Requests', 'a', 'report', 'on', 'progress', 'Қазақстан', 'доклад', '报告', 'تقرير'), { minLength: 2, maxLength: 12 })
    fc.assert(
      fc.property(words, fc.nat(), (list, at) => {
        const cut = 1 + (at % (list.length - 1))
        const head = list.slice(0, cut).join(' ')
        const tail = list.slice(cut).join(' ')
        const older = canonicalText(declarationDoc('Draft', [['op0000000001', 'operative', [list.join(' ')]]]))
        const newer = canonicalText(declarationDoc('Draft', [['op0000000001', 'operative', [head]], ['op0000000002', 'operative', [tail]]]))
        const [first, second] = redline(older, newer).paragraphs
        expect(first).toMatchObject({ status: 'unchanged', link: { kind: 'splitInto', label: 'OP2' } })
        expect(second).toMatchObject({ status: 'split', link: { kind: 'splitFrom', label: 'OP1' } })
        expect([marked(first!.parts), marked(second!.parts)]).toEqual([head, tail])
      }),
    )
  })

  it('says when nothing changed', () => {
    expect(redline(zero, zero).summary).toBe('No changes.')
  })
})

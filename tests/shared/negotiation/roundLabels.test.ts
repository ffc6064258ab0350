import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ClauseKind } from '../../../shared/editor/clauseKind.js'
import { assignLabels, formatLabel, parseLabel, positionalLabels, recordKey, suffixWord, type ClauseSlot, type RoundLabel } from '../../../shared/negotiation/roundLabels.js'

const op = (id: string): ClauseSlot => ({ id, kind: 'operative' })
const pp = (id: string): ClauseSlot => ({ id, kind: 'preambular' })

/** The records a round starts with: the plain numbering of the text as frozen. */
function roundOf(clauses: ClauseSlot[]): Map<string, RoundLabel> {
  const labels = positionalLabels(clauses)
  return new Map(clauses.map((clause, index) => [recordKey(clause.kind, clause.id!), labels[index]!]))
}

/** Numbers the text, then records what was given out, as the server does when a paragraph first appears. */
function shown(records: Map<string, RoundLabel>, clauses: ClauseSlot[]): string[] {
  const { labels, added } = assignLabels(records, clauses)
  for (const [key, label] of added) records.set(key, label)
  return labels
}

const frozen = [pp('p1'), pp('p2'), op('o1'), op('o2'), op('o3'), op('o4'), op('o5'), op('o6'), op('o7'), op('o8')]

describe('labels across a round', () => {
  it('numbers plainly by position before the first frozen version', () => {
    expect(assignLabels(new Map(), [pp('a'), op('b'), op('c'), pp('d')])).toEqual({ labels: ['PP1', 'OP1', 'OP2', 'PP2'], added: new Map() })
  })

  it('gives a paragraph added after OP7 the label OP7bis', () => {
    const records = roundOf(frozen)
    const labels = shown(records, [...frozen.slice(0, 9), op('new'), ...frozen.slice(9)])
    expect(labels.slice(8)).toEqual(['OP7', 'OP7bis', 'OP8'])
  })

  it('gives several paragraphs after one paragraph the next suffixes in the order they appear, wherever they land', () => {
    const records = roundOf(frozen)
    const before = frozen.slice(0, 9)
    const after = frozen.slice(9)
    expect(shown(records, [...before, op('x'), ...after]).slice(9, 10)).toEqual(['OP7bis'])
    // Lands between OP7 and OP7bis: still after OP7, so the next free suffix of 7.
    expect(shown(records, [...before, op('y'), op('x'), ...after]).slice(8, 12)).toEqual(['OP7', 'OP7ter', 'OP7bis', 'OP8'])
    expect(shown(records, [...before, op('y'), op('x'), op('z'), ...after]).slice(8, 13)).toEqual(['OP7', 'OP7ter', 'OP7bis', 'OP7quater', 'OP8'])
  })

  it('numbers a paragraph before the first one 0, then 0bis; preambular the same', () => {
    const records = roundOf(frozen)
    expect(shown(records, [pp('a'), ...frozen]).slice(0, 3)).toEqual(['PP0', 'PP1', 'PP2'])
    expect(shown(records, [pp('b'), pp('a'), ...frozen]).slice(0, 2)).toEqual(['PP0bis', 'PP0'])
    expect(shown(records, [pp('b'), pp('a'), ...frozen.slice(0, 2), op('c'), ...frozen.slice(2)]).slice(4, 6)).toEqual(['OP0', 'OP1'])
  })

  it('keeps the label of a moved paragraph, and numbers what follows it from it', () => {
    const records = roundOf(frozen)
    const moved = [...frozen.slice(0, 3), ...frozen.slice(4, 9), frozen[3]!, ...frozen.slice(9)]
    expect(shown(records, moved).slice(7, 10)).toEqual(['OP7', 'OP2', 'OP8'])
    expect(shown(records, [...moved.slice(0, 9), op('n'), ...moved.slice(9)]).slice(8, 11)).toEqual(['OP2', 'OP2bis', 'OP8'])
  })

  it('leaves the number of a removed paragraph unused', () => {
    const records = roundOf(frozen)
    const withNew = [...frozen.slice(0, 9), op('x'), ...frozen.slice(9)]
    shown(records, withNew)
    const removed = withNew.filter((clause) => clause.id !== 'x' && clause.id !== 'o5')
    expect(shown(records, removed).slice(2)).toEqual(['OP1', 'OP2', 'OP3', 'OP4', 'OP6', 'OP7', 'OP8'])
    expect(shown(records, [...removed.slice(0, 8), op('y'), ...removed.slice(8)]).slice(7, 9)).toEqual(['OP7', 'OP7ter'])
    expect(shown(records, [...removed.slice(0, 6), op('z'), ...removed.slice(6)]).slice(5, 7)).toEqual(['OP4', 'OP4bis'])
  })

  it('numbers a paragraph whose kind changes afresh in its new kind, keeping the old label used', () => {
    const records = roundOf(frozen)
    const switched = frozen.map((clause) => (clause.id === 'p2' ? op('p2') : clause))
    expect(shown(records, switched).slice(0, 3)).toEqual(['PP1', 'OP0', 'OP1'])
    expect(shown(records, [...switched.slice(0, 1), pp('n'), ...switched.slice(1)])[1]).toBe('PP1bis')
  })

  it('names suffixes in Latin to vicies, then goes on with numbers', () => {
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map(suffixWord)).toEqual(['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'])
    expect(suffixWord(20)).toBe('vicies')
    expect(suffixWord(21)).toBe('-21')
    const records = roundOf([op('a')])
    const many = Array.from({ length: 22 }, (_, index) => op(`n${index}`))
    expect(shown(records, [op('a'), ...many]).slice(19)).toEqual(['OP1vicies', 'OP1-21', 'OP1-22', 'OP1-23'])
  })
})

const label = fc.record({ kind: fc.constantFrom<ClauseKind>('preambular', 'operative'), number: fc.nat(500), suffix: fc.integer({ min: 1, max: 60 }) })

type Step = { kind: 'insert'; at: number; clauseKind: ClauseKind } | { kind: 'remove'; at: number } | { kind: 'move'; from: number; to: number }
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(40), clauseKind: fc.constantFrom<ClauseKind>('preambular', 'operative') }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(40) }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(40), to: fc.nat(40) }),
)

/** A text with its preambular paragraphs first, as the editor keeps them, after a list of edits. */
function edited(clauses: ClauseSlot[], edit: Step, fresh: string): ClauseSlot[] {
  const next = [...clauses]
  if (edit.kind === 'insert') next.splice(edit.at % (next.length + 1), 0, { id: fresh, kind: edit.clauseKind })
  else if (next.length > 0 && edit.kind === 'remove') next.splice(edit.at % next.length, 1)
  else if (next.length > 0 && edit.kind === 'move') next.splice(edit.to % next.length, 0, ...next.splice(edit.from % next.length, 1))
  return next
}

describe('labels across a round (properties)', () => {
  it('prints and reads back every label', () => {
    fc.assert(
      fc.property(label, (value) => {
        expect(parseLabel(formatLabel(value))).toEqual(value)
      }),
    )
  })

  it('is stable under unrelated edits, unique in the round, and ordered: each new label after the paragraph it follows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.array(step, { maxLength: 40 }), (size, steps) => {
        let clauses: ClauseSlot[] = Array.from({ length: size }, (_, index): ClauseSlot => ({ id: `c${index}`, kind: index < size / 3 ? 'preambular' : 'operative' }))
        const records = roundOf(clauses)
        const given = new Map([...records].map(([key, value]) => [key, formatLabel(value)]))
        steps.forEach((edit, index) => {
          clauses = edited(clauses, edit, `n${index}`)
          const { labels, added } = assignLabels(records, clauses)
          clauses.forEach((clause, at) => {
            const key = recordKey(clause.kind, clause.id!)
            // Stable: a paragraph labelled before keeps its label through every other edit.
            if (given.has(key)) expect(labels[at]).toBe(given.get(key))
            const fresh = added.get(key)
            if (!fresh) return
            // Ordered: a new label hangs on the number of the nearest labelled paragraph of its kind before it.
            const previous = clauses.slice(0, at).reverse().find((other) => other.kind === clause.kind)
            expect(fresh.number).toBe(previous ? parseLabel(labels[clauses.indexOf(previous)]!)!.number : 0)
          })
          // Unique: no label is ever given to two paragraphs in the round, removed ones included.
          for (const [key, value] of added) {
            expect([...given.values()]).not.toContain(formatLabel(value))
            given.set(key, formatLabel(value))
            records.set(key, value)
          }
          expect(new Set(labels).size).toBe(labels.length)
        })
      }),
      { numRuns: 300 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { frozenStatusMap, statusesForSnapshot } from '../../../shared/paragraphStatus/frozenStatuses.js'
import type { ParagraphStatusRecord } from '../../../shared/paragraphStatus/paragraphStatusRecord.js'
import { summarizeProgress } from '../../../shared/paragraphStatus/progressSummary.js'

const by = { id: 'p1', name: 'Aigerim Seitkali', delegation: 'KAZ' }
const record = (clauseId: string, status: ParagraphStatusRecord['status']): [string, ParagraphStatusRecord] => [clauseId, { clauseId, status, setBy: by, setAt: '2026-12-01T10:00:00.000Z', version: 1 }]

describe('progress summary', () => {
  it('counts paragraphs per kind and status, a paragraph without a status or an id as open', () => {
    const statuses = new Map([record('pp0001', 'agreed'), record('op0001', 'ad-referendum'), record('op0002', 'agreed')])
    const paragraphs = [
      { clauseId: 'pp0001', kind: 'preambular' as const },
      { clauseId: 'pp0002', kind: 'preambular' as const },
      { clauseId: 'op0001', kind: 'operative' as const },
      { clauseId: 'op0002', kind: 'operative' as const },
      { clauseId: null, kind: 'operative' as const },
    ]
    expect(summarizeProgress(paragraphs, (id) => statuses.get(id)?.status, 3)).toEqual({
      kinds: { preambular: { open: 1, 'ad-referendum': 0, agreed: 1 }, operative: { open: 1, 'ad-referendum': 1, agreed: 1 } },
      pendingAmendments: 3,
      brackets: null,
    })
  })

  it('gives a freeze one status per paragraph of its text, sorted by id, and leaves out paragraphs no longer in it', () => {
    const records = new Map([record('zz0001', 'agreed'), record('gone01', 'agreed'), record('aa0001', 'ad-referendum')])
    expect(statusesForSnapshot(records, ['zz0001', 'mm0001', 'aa0001'])).toEqual([
      { clauseId: 'aa0001', status: 'ad-referendum' },
      { clauseId: 'mm0001', status: 'open' },
      { clauseId: 'zz0001', status: 'agreed' },
    ])
  })

  it('reads a version frozen before statuses existed as all open', () => {
    expect(frozenStatusMap(null).size).toBe(0)
    expect(frozenStatusMap([{ clauseId: 'aa0001', status: 'agreed' }]).get('aa0001')).toBe('agreed')
  })
})

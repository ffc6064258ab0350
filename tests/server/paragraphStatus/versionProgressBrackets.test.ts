import { describe, expect, it } from 'vitest'
import { versionProgress } from '../../../server/src/routes/paragraphStatus/versionProgress.js'
import type { VersionRecord } from '../../../server/src/store/Store.js'

const clause = (id: string, label: string) => ({ type: 'clause', id, kind: 'operative', label, content: [{ text: 'States shall ensure free education;', marks: [] }] })
const author = { id: 'p1', name: 'Aigerim Seitkali', delegation: 'KAZ' }
const version = (text: object): VersionRecord => ({ id: 'v1', declaration: 'd', seq: 1, name: 'Rev.1', note: '', createdAt: '2026-12-01T10:00:00.000Z', createdBy: author, serialized: JSON.stringify(text), sha256: 'a'.repeat(64) })
const bracket = (id: string, clauseId: string) => ({ id, clauseId, start: 0, end: 6, requestedBy: ['USA'], reason: '', placedBy: 'Aigerim Seitkali (KAZ)' })

describe("a frozen version's progress", () => {
  it('counts the square brackets it froze and the paragraphs holding brackets or alternatives', () => {
    const text = {
      format: 'kelisim-text/2',
      title: 'Almaty Declaration',
      blocks: [clause('op0001', 'OP1'), clause('op0002', 'OP2'), clause('op0003', 'OP3')],
      negotiation: {
        statuses: [],
        brackets: [bracket('b1', 'op0001'), bracket('b2', 'op0001')],
        alternatives: [{ id: 'a1', clauseId: 'op0003', start: 0, end: 6, options: [{ text: 'shall', proposedBy: ['KAZ'] }, { text: 'should', proposedBy: ['USA'] }] }],
      },
    }
    expect(versionProgress(version(text)).summary.brackets).toEqual({ count: 2, paragraphs: 2 })
  })

  it('counts no brackets for a version frozen before the negotiation state was captured', () => {
    const text = { format: 'kelisim-text/1', title: 'Almaty Declaration', blocks: [clause('op0001', 'OP1')] }
    expect(versionProgress(version(text)).summary.brackets).toBeNull()
  })
})

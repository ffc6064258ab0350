import { describe, expect, it } from 'vitest'
import { describeAuditEntry } from '../../../shared/versions/describeAuditEntry.js'
import { auditWords } from '../versions/auditWords.js'
import type { AuditNames } from '../../../shared/versions/versionSchemas.js'

const names: AuditNames = { participants: {}, delegations: { POL: 'Poland', USA: 'United States' }, versions: { v2: { seq: 2, name: 'Final text' } } }
const entry = (action: string, details: Record<string, unknown>, actor: { id: string; name: string; delegation: string } | null) => ({ seq: 1, at: '2026-12-01T10:00:00.000Z', actor, action, details, previousHash: '0'.repeat(64), hash: 'a'.repeat(64) })

describe('a silence procedure in the audit log, in words', () => {
  it('reads the opening with its deadline in its zone, each break, and the outcome by the system', () => {
    const chair = { id: 'p0', name: 'Aigerim Seitkali', delegation: 'KAZ' }
    expect(auditWords(describeAuditEntry(entry('silence_opened', { version: 'v2', sha256: 'b'.repeat(64), deadline: '2026-12-05T13:00:00.000Z', timeZone: 'Asia/Almaty' }, chair), names)).what).toBe(
      'Placed version 2 “Final text” under silence until 5 Dec 2026, 18:00 GMT+5 (Asia/Almaty)',
    )
    expect(auditWords(describeAuditEntry(entry('silence_break', { version: 'v2', delegation: 'POL', keyId: 'c'.repeat(64), statementSha256: 'd'.repeat(64) }, chair), names))).toMatchObject({
      what: 'Broke silence on version 2 “Final text” for Poland',
      hashes: [{ label: 'SHA-256 of the signed statement' }, { label: 'Key id' }, { label: 'Entry hash' }],
    })
    expect(auditWords(describeAuditEntry(entry('silence_decided', { version: 'v2', outcome: 'broken', breaks: ['POL', 'USA'] }, null), names))).toMatchObject({
      who: 'The system',
      what: 'Closed the silence on version 2 “Final text” as broken by Poland, United States',
    })
    expect(auditWords(describeAuditEntry(entry('silence_decided', { version: 'v2', outcome: 'adopted', breaks: [] }, null), names)).what).toBe('Adopted version 2 “Final text” by silence procedure: no delegation broke silence')
  })
})

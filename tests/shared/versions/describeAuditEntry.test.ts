import { describe, expect, it } from 'vitest'
import { describeAuditEntry } from '../../../shared/versions/describeAuditEntry.js'
import { auditWords } from './auditWords.js'
import type { AuditNames } from '../../../shared/versions/versionSchemas.js'

const names: AuditNames = {
  participants: { p1: { name: 'Ержан Нұрланұлы', delegation: 'KAZ' } },
  delegations: { KAZ: 'Kazakhstan', POL: 'Poland' },
  versions: { v2: { seq: 2, name: 'Final text' } },
}
const entry = (action: string, details: Record<string, unknown>, actor: { id: string; name: string; delegation: string } | null = { id: 'p0', name: 'Marie Dubois', delegation: 'UNESCO' }) => ({
  seq: 1,
  at: '2026-12-01T10:00:00.000Z',
  actor,
  action,
  details,
  previousHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
})

describe('an audit entry in words', () => {
  it('names people, delegations and versions instead of their ids, and lists the hashes to copy', () => {
    const words = auditWords(describeAuditEntry(entry('signed', { version: 'v2', delegation: 'POL', keyId: 'b'.repeat(64), statementSha256: 'c'.repeat(64), signature: 'xyz' }), names))
    expect(words).toEqual({
      who: 'Marie Dubois (UNESCO)',
      what: 'Signed version 2 “Final text” for Poland',
      hashes: [
        { label: 'SHA-256 of the signed statement', value: 'c'.repeat(64) },
        { label: 'Key id', value: 'b'.repeat(64) },
        { label: 'Entry hash', value: 'a'.repeat(64) },
      ],
    })
    expect(auditWords(describeAuditEntry(entry('role_changed', { participant: 'p1', from: 'editor', to: 'signatory' }), names)).what).toBe('Changed the role of Ержан Нұрланұлы (Kazakhstan) from Editor to Signatory')
  })

  it('reads an unknown action, a paragraph, a gone participant and the system as words', () => {
    expect(auditWords(describeAuditEntry(entry('amendment_adopted', { paragraph: 'OP7bis' }, null), names))).toMatchObject({ who: 'The system', what: 'Amendment adopted, paragraph OP7bis' })
    expect(auditWords(describeAuditEntry(entry('member_removed', { participant: 'gone' }), names)).what).toBe('Removed a participant no longer registered from the declaration')
  })

  it('reads in Kazakh and Russian as whole sentences, with the plural the count asks for', () => {
    const frozen = entry('version_frozen', { version: 'v2', sha256: 'b'.repeat(64), invisibleCharacters: 3 })
    expect(auditWords(describeAuditEntry(frozen, names), 'ru')).toEqual({
      who: 'Marie Dubois (UNESCO)',
      what: 'Зафиксирована версия 2 «Final text», с 3 невидимыми символами',
      hashes: [
        { label: 'SHA-256 текста', value: 'b'.repeat(64) },
        { label: 'Хеш записи', value: 'a'.repeat(64) },
      ],
    })
    expect(auditWords(describeAuditEntry(frozen, names), 'kk').what).toBe('Нұсқаны бекітті: 2-нұсқа («Final text»), 3 көрінбейтін таңбамен')
    expect(auditWords(describeAuditEntry(entry('version_frozen', { version: 'v2', invisibleCharacters: 1 }), names)).what).toBe('Froze version 2 “Final text”, with 1 invisible character')
    expect(auditWords(describeAuditEntry(entry('draft_locked', { version: 'v2' }), names), 'kk').what).toBe('Жобаны қол қою үшін бұғаттады: 2-нұсқа («Final text»)')
    expect(auditWords(describeAuditEntry(entry('role_changed', { participant: 'p1', from: 'editor', to: 'signatory' }), names), 'ru').what).toBe('Изменена роль участника Ержан Нұрланұлы (Kazakhstan): Редактор → Подписант')
    expect(auditWords(describeAuditEntry(entry('paragraph.status-set', { paragraph: 'OP2', from: 'open', to: 'agreed', notTakenUp: ['A3', 'A4'] }, null), names), 'ru')).toMatchObject({
      who: 'Система',
      what: 'Установлен статус «согласовано» (был «открыто»), поправки A3, A4 оставлены без рассмотрения, пункт OP2',
    })
    expect(auditWords(describeAuditEntry(entry('signed', { version: 'gone', delegation: 'POL' }, null), names), 'kk')).toMatchObject({ who: 'Жүйе', what: 'Poland атынан қол қойды: белгісіз нұсқа' })
  })

  it('gives each amendment decision and a change of drafting mode a sentence of its own in every language', () => {
    const accepted = entry('amendment.accepted-as-revised', { amendment: 'A2', number: 2, delegation: 'POL', clauseId: 'c1' })
    expect(auditWords(describeAuditEntry(accepted, names)).what).toBe('Accepted amendment A2 proposed by Poland as revised')
    expect(auditWords(describeAuditEntry(accepted, names), 'ru').what).toBe('Поправка A2, внесённая делегацией Poland, принята в изменённой формулировке')
    expect(auditWords(describeAuditEntry(entry('amendment.not-taken-up', { amendment: 'A3', delegation: 'KAZ' }, null), names), 'kk').what).toBe('Kazakhstan ұсынған A3 түзетуі қаралмаған ретінде жабылды')
    const mode = entry('mode.changed', { from: 'open', to: 'negotiation' })
    expect(auditWords(describeAuditEntry(mode, names)).what).toBe('Switched the drafting mode from open drafting to negotiation')
    expect(auditWords(describeAuditEntry(mode, names), 'ru').what).toBe('Режим работы изменён: открытая редакция → переговоры')
  })

  it('gives square brackets and alternatives a sentence of their own, quoting the words', () => {
    const chosen = entry('alternatives_chosen', { item: 'b1', clauseId: 'c1', quote: 'all children', chosen: 2, words: 'every child' })
    expect(auditWords(describeAuditEntry(chosen, names)).what).toBe('Chose alternative 2 for “all children”: “every child”')
    expect(auditWords(describeAuditEntry(chosen, names), 'kk').what).toBe('«all children» үшін 2-нұсқа таңдалды: «every child»')
    expect(auditWords(describeAuditEntry(entry('bracket_placed', { quote: 'all children', paragraph: 'OP3' }), names), 'ru').what).toBe('«all children» заключено в квадратные скобки, пункт OP3')
  })
})

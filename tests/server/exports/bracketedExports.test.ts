import { describe, expect, it } from 'vitest'
import { renderDocx } from '../../../server/src/exports/renderDocx.js'
import { renderPdf } from '../../../server/src/exports/renderPdf.js'
import type { ExportData } from '../../../server/src/exports/exportData.js'
import { docxText, pdfText } from '../../helpers/documentText.js'

const CLAUSE = 'clause00001'

/** A version of one operative paragraph, with a note before its bracketed words, and its brackets and alternatives. */
const data: ExportData = {
  declaration: 'almaty-declaration',
  version: { id: 'v1', seq: 1, name: 'Rev.1', sha256: 'a'.repeat(64), createdAt: '2026-12-01T21:30:00.000Z' },
  text: {
    format: 'kelisim-text/1',
    title: 'Almaty Declaration',
    blocks: [{ type: 'clause', id: CLAUSE, kind: 'operative', label: 'OP1', content: [{ text: 'States ', marks: [] }, { note: 'See the report.' }, { text: 'shall', marks: ['bold'] }, { text: ' ensure free education;', marks: [] }] }],
  },
  statuses: new Map(),
  signatures: { version: null, delegations: [], signed: 0, expected: 0, total: 0, auditHead: 'b'.repeat(64) },
  language: 'en',
  negotiation: {
    brackets: [{ id: 'outer', clauseId: CLAUSE, start: 7, end: 19, requestedBy: ['USA'], reason: '', placedBy: 'Aigerim Seitkali (KAZ)' }],
    alternatives: [{ id: 'alt', clauseId: CLAUSE, start: 7, end: 12, options: [{ text: 'shall', proposedBy: ['KAZ'] }, { text: 'should', proposedBy: ['USA'] }] }],
  },
}

describe('brackets in the PDF and DOCX of a version', () => {
  it('prints them as literal brackets, alternatives in place of their words, the note kept where it was', async () => {
    const printed = 'States  [Note: See the report.][[Alt 1: shall (KAZ) / Alt 2: should (USA)] ensure] free education;'
    expect(await docxText(await renderDocx(data))).toContain(printed)
    // The PDF's text comes back in pieces with spaces between them, so spacing is left out of the comparison.
    const squeeze = (text: string) => text.replace(/\s+/g, '')
    expect(squeeze(await pdfText(new Uint8Array(await renderPdf(data))))).toContain(squeeze(printed))
  })

  it('words the alternatives in the language of the export', async () => {
    const russian: ExportData = { ...data, language: 'ru' }
    const printed = '[[Вариант 1: shall (KAZ) / Вариант 2: should (USA)] ensure]'
    expect(await docxText(await renderDocx(russian))).toContain(printed)
    const squeeze = (text: string) => text.replace(/\s+/g, '')
    expect(squeeze(await pdfText(new Uint8Array(await renderPdf({ ...data, language: 'kk' }))))).toContain(squeeze('[[1-нұсқа: shall (KAZ) / 2-нұсқа: should (USA)] ensure]'))
  })
})

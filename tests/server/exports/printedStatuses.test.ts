import { describe, expect, it } from 'vitest'
import { renderDocx } from '../../../server/src/exports/renderDocx.js'
import { renderPdf } from '../../../server/src/exports/renderPdf.js'
import type { ExportData } from '../../../server/src/exports/exportData.js'
import { docxText, pdfText } from '../../helpers/documentText.js'

const clause = (id: string, label: string, text: string) => ({ type: 'clause' as const, id, kind: 'operative', label, content: [{ text, marks: [] }] })

const data: ExportData = {
  declaration: 'almaty-declaration',
  version: { id: 'v1', seq: 2, name: 'Rev.1', sha256: 'ab'.repeat(32), createdAt: '2026-12-01T10:00:00.000Z' },
  text: {
    format: 'kelisim-text/1',
    title: 'Almaty Declaration on Inclusive Education',
    blocks: [clause('op0000001', 'OP1', 'Commit to inclusion;'), clause('op0000002', 'OP2', 'Resolve to remove barriers;'), clause('op0000003', 'OP3', 'Undertake to assess needs.')],
  },
  statuses: new Map([
    ['op0000001', 'agreed'],
    ['op0000002', 'ad-referendum'],
  ]),
  signatures: { version: null, delegations: [], signed: 0, expected: 0, total: 0, auditHead: 'cd'.repeat(32) },
  language: 'en',
}

describe('exports print each paragraph status beside its label', () => {
  it.each([
    ['DOCX', async () => docxText(await renderDocx(data))],
    ['PDF', async () => pdfText(new Uint8Array(await renderPdf(data)))],
  ])('%s', async (_format, read) => {
    const text = (await read()).replace(/\s+/g, ' ')
    expect(text).toContain('OP1 (agreed)')
    expect(text).toContain('OP2 (agreed ad ref.)')
    expect(text).toMatch(/OP3\s*Undertake/)
  })
})

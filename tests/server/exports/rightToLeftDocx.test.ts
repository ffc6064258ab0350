import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { CanonicalBlock } from '../../../shared/versions/canonicalText.js'
import { renderCompilationDocx } from '../../../server/src/exports/renderCompilationDocx.js'
import { renderDocx } from '../../../server/src/exports/renderDocx.js'

const clause = (label: string, text: string): CanonicalBlock => ({ type: 'clause', id: null, kind: 'operative', label, content: [{ text, marks: [] }] })

/** Each body paragraph's text, and whether it is marked right to left. */
async function paragraphs(bytes: Uint8Array): Promise<{ text: string; rightToLeft: boolean }[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((match) => {
    const body = match[1] ?? match[2] ?? ''
    return { text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join(''), rightToLeft: /<w:pPr>(?:(?!<\/w:pPr>).)*<w:bidi\/>/s.test(body) }
  })
}

describe('a right-to-left paragraph in the DOCX', () => {
  it('is marked right to left (w:bidi), whatever the number before it; others are not', async () => {
    const signatures = { version: null, delegations: [], signed: 0, expected: 0, total: 0, auditHead: '0'.repeat(64) }
    const version = { id: 'v1', seq: 1, name: 'Rev.1', sha256: 'a'.repeat(64), createdAt: '2026-12-01T10:00:00.000Z' }
    const blocks = [clause('OP1', 'نحن الدول المشاركة'), clause('OP2', 'تقرير UNESCO لعام 2024'), clause('OP3', 'Affirm the right to education.')]
    const bytes = new Uint8Array(await renderDocx({ declaration: 'almaty-declaration', version, text: { format: 'kelisim-text/1', title: 'Almaty Declaration', blocks }, signatures, statuses: new Map(), language: 'en' }))
    const found = await paragraphs(bytes)
    const byText = (text: string) => found.find((paragraph) => paragraph.text.includes(text))
    expect(byText('نحن الدول المشاركة')?.rightToLeft).toBe(true)
    expect(byText('تقرير UNESCO لعام 2024')?.rightToLeft).toBe(true)
    expect(byText('Affirm the right to education.')?.rightToLeft).toBe(false)
  })

  it('is marked right to left in the compilation too', async () => {
    const paragraph = (label: string, text: string) => ({ kind: 'paragraph' as const, label, text })
    const bytes = new Uint8Array(await renderCompilationDocx('Almaty Declaration', [paragraph('OP1', 'نحن الدول المشاركة'), paragraph('OP2', 'Affirm the right to education.')], 'en'))
    const found = await paragraphs(bytes)
    expect(found.find((entry) => entry.text.includes('نحن الدول المشاركة'))?.rightToLeft).toBe(true)
    expect(found.find((entry) => entry.text.includes('Affirm the right'))?.rightToLeft).toBe(false)
  })
})

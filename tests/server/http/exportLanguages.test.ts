import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDateTime } from '../../../shared/format/dateTime.js'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { docxText, pdfText } from '../../helpers/documentText.js'
import { startSession } from '../../helpers/sessions.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const base = `/api/declarations/${DOC}`
const TITLE = 'Almaty Declaration on Inclusive Education'
let server: TestServer
let token: string
let version: VersionSummary
let auditHead: string

beforeAll(async () => {
  server = await startTestServer()
  token = await startSession(server.url, 'chair')
  version = ((await api(server.url, 'POST', `${base}/versions`, { token, body: { name: 'Final text' } })).body as { version: VersionSummary }).version
  const detail = (await api(server.url, 'GET', `${base}/versions/${version.id}`, { token })).body as VersionDetail
  const first = (JSON.parse(detail.serialized) as CanonicalText).blocks.find((block) => block.type === 'clause')
  const after = first && 'id' in first ? String(first.id) : ''
  const proposed = await api(server.url, 'POST', `${base}/amendments`, {
    token: await startSession(server.url, 'editor-gbr'),
    body: { change: { kind: 'paragraph.insert', after, clauseKind: 'operative', content: [{ text: 'Invite all States to report.' }] } },
  })
  expect(proposed.status).toBe(201)
  auditHead = ((await api(server.url, 'GET', `${base}/audit`, { token })).body as { head: string }).head
})
afterAll(() => server.destroy())

const download = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${base}/${path}`, { headers: { Authorization: `Bearer ${token}`, ...headers } })
  expect(response.status).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

const labels = {
  kk: ['Қолтаңбалар', 'Қалай тексеруге болады', 'Аудит журналының басы:', 'Канондық мәтіннің SHA-256 хеші:'],
  ru: ['Подписи', 'Как проверить', 'Вершина журнала аудита:', 'SHA-256 канонического текста:'],
}
const english = ['Signatures', 'How to verify', 'Audit log head:', 'SHA-256 of the canonical text:']

describe('exports labelled in the language chosen at export', () => {
  it.each(['kk', 'ru'] as const)('labels the PDF and the DOCX in %s, and leaves the declaration as written', async (language) => {
    for (const text of [await pdfText(await download(`exports/${version.id}.pdf?lang=${language}`)), await docxText(await download(`exports/${version.id}.docx?lang=${language}`))]) {
      for (const label of labels[language]) expect(text).toContain(label)
      for (const label of english) expect(text).not.toContain(label)
      expect(text).toContain(TITLE)
      expect(text).toContain(auditHead)
      expect(text).toContain(formatDateTime(version.createdAt, language === 'kk' ? 'kk-KZ' : 'ru-RU', 'UTC'))
    }
  })

  it('takes the language from the browser when the export names none, and refuses one it does not speak', async () => {
    expect(await docxText(await download(`exports/${version.id}.docx`, { 'Accept-Language': 'kk' }))).toContain('Қолтаңбалар')
    expect(await docxText(await download(`exports/${version.id}.docx`))).toContain('Signatures')
    const refused = await api(server.url, 'GET', `${base}/exports/${version.id}.pdf?lang=de`, { token, headers: { 'Accept-Language': 'ru' } })
    expect(refused).toMatchObject({ status: 400, body: { error: 'bad_language', message: 'Язык должен быть одним из следующих: en, kk, ru.' } })
  })

  it('labels the compilation in Russian and Kazakh, the proposed words as written', async () => {
    const ru = await docxText(await download('compilation.docx?lang=ru'))
    expect(ru).toContain(`Сводный текст поправок: ${TITLE}`)
    expect(ru).toMatch(/A1, внесена: United Kingdom: добавить новый пункт постановляющей части после \S+: «Invite all States to report\.»/)
    const kk = await docxText(await download('compilation.docx?lang=kk'))
    expect(kk).toContain(`Түзетулер жинағы: ${TITLE}`)
    expect(kk).toContain('ұсынған: United Kingdom')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LOCALE, formatDateTime } from '../../../shared/format/dateTime.js'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseText } from '../../helpers/declarationText.js'
import { docxText, pdfText } from '../../helpers/documentText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const MULTILINGUAL = 'Біз, қатысушылар; Мы, участники; 我们，参与者; نحن المشاركين'
let server: TestServer
let token: string
let version: VersionSummary

beforeAll(async () => {
  server = await startTestServer()
  token = await startSession(server.url, 'chair')
  const client = connectClient(server.wsUrl, DOC, token)
  await whenSynced(client)
  clauseText(client.text, 0).insert(0, `${MULTILINGUAL} `)
  await savedAcks(client)(1)
  client.destroy()
  version = ((await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token, body: { name: 'Final text' } })).body as { version: VersionSummary }).version
})
afterAll(() => server.destroy())

const download = async (file: string, bearer = token) => {
  const response = await fetch(`${server.url}/api/declarations/${DOC}/exports/${file}`, { headers: { Authorization: `Bearer ${bearer}` } })
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

describe('exports of a frozen version', () => {
  it('is a PDF with the text in every script, its hash, a signatures page and how to verify', async () => {
    const { response, bytes } = await download(`${version.id}.pdf`, await startSession(server.url, 'observer-egy'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const text = await pdfText(bytes)
    expect(text).toContain(version.sha256)
    for (const word of ['қатысушылар', 'участники', '参与者', 'Almaty Declaration on Inclusive Education', 'Signatures', 'npm run verify']) expect(text).toContain(word)
  })

  it('prints the audit head on the signatures page, the anchor for verify --audit-head', async () => {
    const head = ((await api(server.url, 'GET', `/api/declarations/${DOC}/audit`, { token })).body as { head: string }).head
    const text = await pdfText((await download(`${version.id}.pdf`)).bytes)
    expect(text).toMatch(new RegExp(`Audit log head: ${head}`))
    expect(text).toContain('--audit-head')
  })

  it('gives the moment of freezing as a readable date with its zone, in both formats, never as a raw timestamp', async () => {
    const frozen = `frozen ${formatDateTime(version.createdAt, DEFAULT_LOCALE, 'UTC')}`
    expect(frozen).toContain('UTC')
    expect(frozen).not.toMatch(/\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/)
    for (const text of [await pdfText((await download(`${version.id}.pdf`)).bytes), await docxText((await download(`${version.id}.docx`)).bytes)]) {
      expect(text).toContain(frozen)
      expect(text).not.toContain(version.createdAt)
    }
  })

  it('is a DOCX with the same text and hash', async () => {
    const { response, bytes } = await download(`${version.id}.docx`)
    expect(response.status).toBe(200)
    const text = await docxText(bytes)
    expect(text).toContain(MULTILINGUAL)
    expect(text).toContain(version.sha256)
  })

  it('refuses unknown versions and formats, and people without a session', async () => {
    expect((await download('00000000-0000-0000-0000-000000000000.pdf')).response.status).toBe(404)
    expect((await download(`${version.id}.exe`)).response.status).toBe(404)
    expect((await fetch(`${server.url}/api/declarations/${DOC}/exports/${version.id}.pdf`)).status).toBe(401)
  })
})

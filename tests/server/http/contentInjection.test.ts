import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CanonicalText } from '../../../shared/versions/canonicalText.js'
import type { Redline } from '../../../shared/versions/redline.js'
import type { VersionDetail, VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { clauseText } from '../../helpers/declarationText.js'
import { pdfText } from '../../helpers/documentText.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { MARKUP_TEXT, writeHostileContent, writeHostileText } from '../../helpers/hostileContent.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
let server: TestServer
let moderator: string
let tampered: SyncClient
let version: VersionDetail
/** How the server closed the client that wrote elements, attributes and marks outside the schema. */
const structuralCloses: number[] = []

/** Control characters, which XML 1.0 mostly does not allow: one in document.xml makes Word refuse the whole file. */
const notXmlCharacters = /(?![\t\n\r])\p{Cc}|[\ufffe\uffff]/u
/** Schemes that run code or render a page when a link is followed. */
const codeSchemes = /(?:javascript|vbscript|data)\s*:/i
const squash = (text: string) => text.replace(/\s+/g, '')

beforeAll(async () => {
  server = await startTestServer()
  moderator = await startSession(server.url, 'chair')
  tampered = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-gbr'))
  await whenSynced(tampered)
  writeHostileText(tampered.text)
  // Control characters as well: they are not markup, but a careless export would write them into XML.
  clauseText(tampered.text, 0).insert(0, 'NUL\u0000 BEL\u0007 VT\u000b ')
  await savedAcks(tampered)(1)
  const structural = connectClient(server.wsUrl, DOC, await startSession(server.url, 'editor-chn'))
  structural.provider.on('connection-close', (event: CloseEvent | null) => structuralCloses.push(event?.code ?? 0))
  await whenSynced(structural)
  writeHostileContent(structural.text)
  await waitFor(() => structuralCloses.length > 0, 'the structure-breaking writer is closed')
  structural.destroy()
  const unconfirmed = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: moderator, body: { name: 'Tampered' } })
  expect(unconfirmed).toMatchObject({ status: 409, body: { error: 'invisible_characters', message: expect.stringMatching(/U\+0000.*U\+0007.*U\+000B/) } })
  const frozen = await api(server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: moderator, body: { name: 'Tampered', acceptInvisibleCharacters: true } })
  expect(frozen.status).toBe(201)
  const id = (frozen.body as { version: VersionSummary }).version.id
  version = (await api(server.url, 'GET', `/api/declarations/${DOC}/versions/${id}`, { token: moderator })).body as VersionDetail
})

afterAll(async () => {
  tampered.destroy()
  await server.destroy()
})

async function download(file: string): Promise<Uint8Array> {
  const response = await fetch(`${server.url}/api/declarations/${DOC}/exports/${file}`, { headers: { Authorization: `Bearer ${moderator}` } })
  expect(response.status).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

describe('content a tampered client writes into the shared document', () => {
  it('is frozen as text in the schema: foreign elements, attributes and marks refused, markup kept as characters', () => {
    expect(structuralCloses[0]).toBe(CloseCode.changeRefused)
    const text = JSON.parse(version.serialized) as CanonicalText
    expect(text.title.startsWith(MARKUP_TEXT)).toBe(true)
    expect(new Set(text.blocks.map((block) => block.type))).toEqual(new Set(['clause']))
    const runs = text.blocks.flatMap((block) => ('content' in block ? block.content : []))
    expect(runs.some((run) => 'text' in run && run.text.includes(MARKUP_TEXT))).toBe(true)
    expect(runs.flatMap((run) => ('marks' in run ? run.marks : [])).every((mark) => mark === 'bold' || mark === 'italic')).toBe(true)
    expect(version.serialized).not.toContain('Bold words.')
    expect(version.serialized).not.toMatch(/onclick|onmouseover|"href"|"style"|iframe|"script"/)
    // Invented kinds, ids and levels are not carried into the text that is hashed and signed.
    for (const block of text.blocks) {
      if (block.type === 'clause') expect([block.kind, block.id ?? 'none']).toEqual([expect.stringMatching(/^(?:preambular|operative)$/), expect.stringMatching(/^[0-9a-z]+$/)])
      if (block.type === 'heading') expect(block.level).toBe(2)
    }
  })

  it('stays literal text in the PDF, which holds no script or link actions', async () => {
    const bytes = await download(`${version.id}.pdf`)
    expect(squash(await pdfText(bytes))).toContain(squash(MARKUP_TEXT))
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/(?:JavaScript|JS|Launch|URI|SubmitForm)\b/)
  })

  it('is escaped text in the DOCX, which has no hyperlinks and stays well-formed XML', async () => {
    const zip = await JSZip.loadAsync(await download(`${version.id}.docx`))
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).not.toMatch(/<w:hyperlink|<w:fldSimple|HYPERLINK/)
    expect(xml).toContain('&lt;script&gt;__pwned')
    expect(xml).not.toContain('<script')
    expect(xml).not.toMatch(notXmlCharacters)
    for (const name of Object.keys(zip.files).filter((path) => path.endsWith('.rels'))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(codeSchemes)
    }
  })

  it('is compared as text in the redline', async () => {
    const answer = await api(server.url, 'GET', `/api/declarations/${DOC}/redline?from=${version.id}&to=live`, { token: moderator })
    expect(answer.status).toBe(200)
    const redline = answer.body as Redline
    expect(redline.paragraphs.flatMap((paragraph) => paragraph.parts.map((part) => part.text)).join('')).toContain(MARKUP_TEXT)
  })
})

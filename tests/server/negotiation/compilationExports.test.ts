import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../../shared/negotiation/amendmentSchemas.js'
import { spanOnWords } from '../../helpers/amendments.js'
import { api } from '../../helpers/api.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseTexts } from '../../helpers/declarationText.js'
import { pdfText } from '../../helpers/documentText.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced, type SyncClient } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`
const NEW_PARAGRAPH = 'Барлық мемлекеттерді шақырады 邀请所有国家 to report every two years;'
let server: TestServer
let client: SyncClient
let reader: string
let texts: string[]
let numbers: Record<'words' | 'insert' | 'delete' | 'move', string>

async function propose(login: string, change: Record<string, unknown>): Promise<string> {
  const answer = await api(server.url, 'POST', PATH, { token: await startSession(server.url, login), body: { change } })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return (answer.body as AmendmentView).label
}

async function download(format: 'docx' | 'pdf'): Promise<Buffer> {
  const response = await fetch(`${server.url}/api/declarations/${DOC}/compilation.${format}`, { headers: { Authorization: `Bearer ${reader}` } })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain(format === 'pdf' ? 'application/pdf' : 'wordprocessingml')
  return Buffer.from(await response.arrayBuffer())
}

const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll("'", '&apos;').replaceAll('"', '&quot;')
const squeezed = (text: string) => text.replace(/\s+/g, ' ')

beforeAll(async () => {
  server = await startTestServer()
  reader = await startSession(server.url, 'observer-idn')
  client = connectClient(server.wsUrl, DOC, reader)
  await whenSynced(client)
  texts = clauseTexts(client.text)
  numbers = {
    words: await propose('editor-kaz', { kind: 'words', clauseId: clauseIdAt(client.text, 8), spans: [spanOnWords(client.text, 8, 'every learner', 'all learners')] }),
    insert: await propose('signatory-pol', { kind: 'paragraph.insert', after: clauseIdAt(client.text, 9), clauseKind: 'operative', content: [{ text: NEW_PARAGRAPH, marks: [] }] }),
    delete: await propose('editor-chn', { kind: 'paragraph.delete', clauseId: clauseIdAt(client.text, 10) }),
    move: await propose('signatory-usa', { kind: 'paragraph.move', clauseId: clauseIdAt(client.text, 11), after: clauseIdAt(client.text, 8) }),
  }
})
afterAll(async () => {
  client.destroy()
  await server.destroy()
})

describe('the compilation exports', () => {
  it('has paragraph amendments in the DOCX as tracked paragraphs: inserted, deleted, and a move as a deletion here and an insertion there, each by its delegation', async () => {
    const xml = await (await JSZip.loadAsync(await download('docx'))).file('word/document.xml')!.async('string')
    const paragraphs = xml.split('<w:p>').slice(1)
    const with_ = (words: string) => paragraphs.findIndex((paragraph) => paragraph.includes(escaped(words)))
    /** The paragraph of the live text, untracked. */
    const live = (index: number) => paragraphs.findIndex((paragraph) => paragraph.includes(escaped(texts[index]!)) && !/<w:(ins|del) /.test(paragraph))
    const tracked = (index: number, kind: 'ins' | 'del', author: string) => {
      const paragraph = paragraphs[index] ?? ''
      // The paragraph mark is tracked too, so Word inserts or removes the whole paragraph.
      expect(paragraph).toMatch(new RegExp(`<w:pPr>.*<w:rPr><w:${kind} w:id="\\d+" w:author="${author}"`))
      expect(paragraph).toMatch(new RegExp(`<w:${kind} w:id="\\d+" w:author="${author}"[^>]*>.*?<w:${kind === 'ins' ? 't' : 'delText'}[^>]*>`))
    }

    const inserted = with_(`New paragraph after OP2 (${numbers.insert})`)
    tracked(inserted, 'ins', 'Poland')
    expect(paragraphs[inserted]).toContain(`<w:t xml:space="preserve">${NEW_PARAGRAPH}</w:t>`)
    expect(inserted).toBeGreaterThan(live(9))
    expect(inserted).toBeLessThan(live(10))

    const deleted = paragraphs.findIndex((paragraph) => paragraph.includes(`${numbers.delete})`))
    tracked(deleted, 'del', 'China')
    expect(paragraphs[deleted]).toContain(`<w:delText xml:space="preserve">${escaped(texts[10]!)}</w:delText>`)

    const movedFrom = paragraphs.findIndex((paragraph) => paragraph.includes(`moved from here (${numbers.move})`))
    const movedTo = paragraphs.findIndex((paragraph) => paragraph.includes(`moved here (${numbers.move})`))
    tracked(movedFrom, 'del', 'United States')
    tracked(movedTo, 'ins', 'United States')
    expect([live(8) < movedTo, movedTo < live(9)]).toEqual([true, true])
    expect([live(11) < movedFrom, movedFrom < live(12)]).toEqual([true, true])

    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => Number(match[1]))
    expect(new Set(ids).size).toBe(ids.length)
    expect(Math.max(...ids)).toBe(ids.length)
  })

  it('exports the compilation as PDF, insertions and deletions marked in words, who proposed each named, in any script', async () => {
    const text = squeezed(await pdfText(new Uint8Array(await download('pdf'))))
    expect(text).toContain('Compilation: Almaty Declaration on Inclusive Education')
    expect(text).toContain(squeezed(`${numbers.words}, proposed by Kazakhstan: replace 'every learner' with 'all learners'`))
    expect(text).toContain('[− every learner −]')
    expect(text).toContain('[+ all learners +]')
    expect(text).toContain(`(${numbers.insert}), Poland`)
    expect(text).toContain('Барлық мемлекеттерді шақырады')
    expect(text).toContain('邀请所有国家')
    expect(text).toContain(`${numbers.delete}, proposed by China: delete OP3`)
    expect(text).toContain(`moved here (${numbers.move}), United States`)
  })
})

import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { AmendmentView } from '../../shared/negotiation/amendmentSchemas.js'
import { api } from '../helpers/api.js'
import { spanOnWords } from '../helpers/amendments.js'
import { browserSuite } from '../helpers/browserSuite.js'
import { clauseIdAt } from '../helpers/commentAnchors.js'
import { expectNoAxeViolations, openApp, openDeclaration, signInAs } from '../helpers/pages.js'
import { startSession } from '../helpers/sessions.js'
import { connectClient, whenSynced } from '../helpers/syncClients.js'

const suite = browserSuite()
const DOC = 'almaty-declaration'
const PATH = `/api/declarations/${DOC}/amendments`

describe('the compilation view', () => {
  it('lists each paragraph followed by its amendments, who proposed, co-sponsored, supported and opposed them, live, and its DOCX has them as tracked changes', async () => {
    const kazakh = await startSession(suite.server().url, 'editor-kaz')
    const client = connectClient(suite.server().wsUrl, DOC, kazakh)
    await whenSynced(client)
    const change = { kind: 'words', clauseId: clauseIdAt(client.text, 8), spans: [spanOnWords(client.text, 8, 'every learner', 'all learners')] }
    const amendment = (await api(suite.server().url, 'POST', PATH, { token: kazakh, body: { change, justification: '' } })).body as AmendmentView
    client.destroy()
    const stance = async (login: string, value: string) => {
      const answer = await api(suite.server().url, 'PUT', `${PATH}/${amendment.number}/stance`, { token: await startSession(suite.server().url, login), body: { stance: value } })
      expect(answer.status).toBe(200)
    }
    await stance('signatory-pol', 'co-sponsor')
    await stance('editor-chn', 'supporter')

    const page = await openApp(suite.browser(), suite.server().url)
    await signInAs(page, 'Siti Rahmawati')
    await openDeclaration(page, { editable: false })
    await page.getByRole('link', { name: 'Compilation' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: /^Compilation/ }).waitFor()
    const line = page.locator(`[data-amendment="${amendment.label}"] .compilation__line`)
    await expect.poll(() => line.textContent()).toBe(`${amendment.label}, proposed by Kazakhstan, co-sponsored by Poland; supported by China: replace 'every learner' with 'all learners'`)
    const section = page.locator('.compilation__paragraph', { has: line })
    expect(await section.locator('p').first().textContent()).toContain('every learner')
    await expectNoAxeViolations(page)

    await stance('signatory-usa', 'opposer')
    await expect.poll(() => line.textContent()).toMatch(/; opposed by United States: replace/)

    const download = await page.request.get(`${suite.server().url}${await page.getByRole('link', { name: /^Download as DOCX/ }).getAttribute('href')}`)
    expect(download.status()).toBe(200)
    const xml = await (await JSZip.loadAsync(await download.body())).file('word/document.xml')!.async('string')
    expect(xml).toContain(((await line.textContent()) ?? '').replaceAll("'", '&apos;'))
    expect(xml).toMatch(/<w:del [^>]*w:author="Kazakhstan"[^>]*>.*?<w:delText[^>]*>every learner<\/w:delText>/)
    expect(xml).toMatch(/<w:ins [^>]*w:author="Kazakhstan"[^>]*>.*?<w:t[^>]*>all learners<\/w:t>/)
    expect([...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => Number(match[1]))).toEqual([1, 2])
  })

  it('lists only the amendments still open, as the DOCX and PDF (built from one list) do: a rejected one is left out', async () => {
    const url = suite.server().url
    const kazakh = await startSession(url, 'editor-kaz')
    const chair = await startSession(url, 'chair')
    const client = connectClient(suite.server().wsUrl, DOC, kazakh)
    await whenSynced(client)
    const propose = async (words: string, proposed: string) => {
      const change = { kind: 'words', clauseId: clauseIdAt(client.text, 9), spans: [spanOnWords(client.text, 9, words, proposed)] }
      const answer = await api(url, 'POST', PATH, { token: kazakh, body: { change, justification: '' } })
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      return answer.body as AmendmentView
    }
    const [rejected, kept] = [await propose('financial', 'Rejected wording'), await propose('barriers', 'Kept wording')]
    client.destroy()
    expect((await api(url, 'POST', `${PATH}/${rejected.number}/reject`, { token: chair, body: { reason: 'Not agreed.' } })).status).toBe(200)

    const page = await openApp(suite.browser(), url)
    await signInAs(page, 'Siti Rahmawati')
    await page.goto(`${url}/d/${DOC}/compilation`)
    await page.locator(`[data-amendment="${kept.label}"]`).waitFor()
    expect(await page.locator(`[data-amendment="${rejected.label}"]`).count()).toBe(0)
    await expectNoAxeViolations(page)

    const docx = await page.request.get(`${url}/api/declarations/${DOC}/compilation.docx`)
    const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string')
    expect([xml.includes('Kept wording'), xml.includes('Rejected wording')]).toEqual([true, false])
  })
})

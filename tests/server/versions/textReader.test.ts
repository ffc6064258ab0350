import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDeclarationText } from '../../../server/src/versions/readDeclarationText.js'
import { api } from '../../helpers/api.js'
import { appendLongClauses, fragmentOf } from '../../helpers/declarationText.js'
import { startServerWithTwoDeclarations } from '../../helpers/extraDeclaration.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
import type { TestServer } from '../../helpers/testServer.js'

const LARGE = 'large-declaration'
let server: TestServer
let token: string

beforeAll(async () => {
  server = await startServerWithTwoDeclarations(LARGE)
  token = await startSession(server.url, 'chair')
})

afterAll(() => server.destroy())

describe('reading the text to freeze it', () => {
  it('happens off the sync loop: freezing 2,000 paragraphs while someone types keeps the loop responsive', async () => {
    const writer = connectClient(server.wsUrl, LARGE, token)
    await whenSynced(writer)
    // Appended as the editor writes clauses: a second declaration's state merged in would be a second title.
    appendLongClauses(writer.doc, 2000)
    const delay = monitorEventLoopDelay({ resolution: 1 })
    let typing = true
    const typed = (async () => {
      for (let n = 0; typing; n += 1) {
        const clause = fragmentOf(writer.doc).get(1) as Y.XmlElement
        const text = clause.get(0)
        if (text instanceof Y.XmlText) text.insert(0, `${n} `)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 200))
    delay.enable()
    const frozen = await api(server.url, 'POST', `/api/declarations/${LARGE}/versions`, { token, body: { name: 'Long draft', acceptInvisibleCharacters: true } })
    delay.disable()
    typing = false
    await typed
    expect(frozen.status).toBe(201)
    const { version } = frozen.body as { version: { id: string } }
    const { body } = await api(server.url, 'GET', `/api/declarations/${LARGE}/versions/${version.id}`, { token })
    expect(JSON.stringify(body)).toContain('Paragraph 1999')
    // What the freeze would block the loop for if it read the text here, on a machine as busy as this one is now.
    const started = performance.now()
    readDeclarationText(writer.doc)
    const onLoop = performance.now() - started
    // Off the loop, the longest stall is a collection or two: well under reading it here, and 150 ms on a quiet machine.
    expect(delay.max / 1e6).toBeLessThan(Math.max(150, onLoop / 2))
    writer.destroy()
  })

  it('never changes the live draft', async () => {
    const writer = connectClient(server.wsUrl, 'almaty-declaration', token)
    await whenSynced(writer)
    const watcher = connectClient(server.wsUrl, 'almaty-declaration', token)
    await whenSynced(watcher)
    ;((fragmentOf(writer.doc).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Read, not changed: ')
    await waitFor(() => watcher.text.toString().includes('Read, not changed'), 'the edit reached the server')
    const before = writer.text.toString()
    const frozen = await api(server.url, 'POST', '/api/declarations/almaty-declaration/versions', { token, body: { name: 'Read only', acceptInvisibleCharacters: true } })
    expect(frozen.status).toBe(201)
    const reader = connectClient(server.wsUrl, 'almaty-declaration', token)
    await whenSynced(reader)
    expect(reader.text.toString()).toBe(before)
    for (const client of [writer, watcher, reader]) client.destroy()
  })
})

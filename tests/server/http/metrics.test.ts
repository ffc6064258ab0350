import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clauseText } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, whenSynced } from '../../helpers/syncClients.js'
import { startTestServer, type TestServer } from '../../helpers/testServer.js'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.destroy())

const metric = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1])

describe('/metrics', () => {
  it('reports connections, loaded documents, messages, save latency and event-loop delay in the Prometheus format', async () => {
    const client = connectClient(server.wsUrl, 'almaty-declaration', await startSession(server.url))
    await whenSynced(client)
    clauseText(client.text, 0).insert(0, 'Counted ')
    await savedAcks(client)(1)
    const response = await fetch(`${server.url}/metrics`)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(metric(text, 'kelisim_connections')).toBe(1)
    expect(metric(text, 'kelisim_connections_opened_total')).toBe(1)
    expect(metric(text, 'kelisim_connections_refused_total')).toBe(0)
    expect(metric(text, 'kelisim_documents_loaded')).toBe(1)
    expect(metric(text, 'kelisim_messages_in_total')).toBeGreaterThanOrEqual(3)
    expect(metric(text, 'kelisim_messages_out_total')).toBeGreaterThanOrEqual(2)
    expect(metric(text, 'kelisim_save_latency_seconds_count')).toBe(1)
    expect(metric(text, 'kelisim_save_latency_seconds_sum')).toBeGreaterThan(0)
    // Past the monitor's resolution: an idle loop reads 0.
    expect(metric(text, 'kelisim_event_loop_delay_p99_seconds')).toBeGreaterThanOrEqual(0)
    expect(text).toMatch(/^# TYPE kelisim_save_latency_seconds histogram$/m)
    client.destroy()
  })
})

import { describe, expect, it } from 'vitest'
import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import { api } from '../../helpers/api.js'
import { bracketOn, place } from '../../helpers/brackets.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { roomOnServer } from '../../helpers/roomOnServer.js'

const DOC = 'almaty-declaration'
const room = roomOnServer({ sessions: { chair: 'chair' }, clients: { editor: 'editor-gbr' } })

describe('a freeze on the real server', () => {
  it('captures the statuses moderators set and the brackets they placed, from their own services', async () => {
    const agreed = clauseIdAt(room.editor.text, 14)
    expect((await api(room.server.url, 'PUT', `/api/declarations/${DOC}/paragraph-statuses/${agreed}`, { token: room.chair, body: { status: 'agreed' } })).status).toBe(200)
    const bracket = await place(room.server.url, room.chair, bracketOn(room.editor, 10, 'free of charge', ['USA']))
    const frozen = await api(room.server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: room.chair, body: { name: 'Rev.1' } })
    expect(frozen.status).toBe(201)
    const { version } = frozen.body as { version: { id: string } }
    const stored = (await api(room.server.url, 'GET', `/api/declarations/${DOC}/versions/${version.id}`, { token: room.chair })).body as { serialized: string }
    const { negotiation } = JSON.parse(stored.serialized) as { negotiation: NegotiationSnapshot }
    expect(negotiation.statuses.find((entry) => entry.clauseId === agreed)?.status).toBe('agreed')
    expect(negotiation.statuses.filter((entry) => entry.status !== 'open')).toHaveLength(1)
    expect(negotiation.brackets.map((entry) => [entry.id, entry.requestedBy])).toEqual([[bracket.id, ['USA']]])
  })
})

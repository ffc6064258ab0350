import { describe, expect, it } from 'vitest'
import type { ParagraphStatusView } from '../../../shared/paragraphStatus/paragraphStatusSchemas.js'
import { clauseIdAt } from '../../helpers/commentAnchors.js'
import { pushedControls, setStatus } from '../../helpers/paragraphStatuses.js'
import { roomOnServer } from '../../helpers/roomOnServer.js'
import { waitFor } from '../../helpers/syncClients.js'

const DOC = 'almaty-declaration'
const OP4 = 11
const room = roomOnServer({ sessions: { chair: 'chair' }, clients: { watcher: 'observer-idn' } })

describe('a paragraph status', () => {
  it('carries a version raised with each status stored, in the answer and in the push, and not by setting the status it has', async () => {
    const pushes = pushedControls(room.watcher)
    const clauseId = clauseIdAt(room.watcher.text, OP4)
    const versionAfter = async (status: 'open' | 'ad-referendum' | 'agreed') => {
      const answer = await setStatus(room.server.url, room.chair, DOC, clauseId, { status })
      expect(answer.status).toBe(200)
      return (answer.body as ParagraphStatusView).version
    }
    expect(await versionAfter('ad-referendum')).toBe(1)
    expect(await versionAfter('ad-referendum')).toBe(1)
    expect(await versionAfter('agreed')).toBe(2)
    expect(await versionAfter('open')).toBe(3)
    await waitFor(() => pushes.some((message) => message.type === 'status' && message.status.clauseId === clauseId && message.status.version === 3), 'the newest status reaches another page')
    expect(pushes.flatMap((message) => (message.type === 'status' ? [message.status.version] : []))).toEqual([1, 2, 3])
  })
})

import { describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { barrier } from '../../helpers/barrier.js'
import { clauseText } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { DRAFT, editingDraft } from '../../helpers/editingDraft.js'

const DOC = DRAFT
const VERSIONS = `/api/declarations/${DOC}/versions`

describe('locking for signature', () => {
  it('refuses a keystroke that arrives after the check, so the locked version is the live text', async () => {
    const afterRead = barrier()
    const { server, moderator, editor } = await editingDraft({ hooks: { afterLockRead: afterRead.hold } })
    const frozen = (await api(server.url, 'POST', VERSIONS, { token: moderator, body: { name: 'Final' } })).body as { version: VersionSummary }

    const locking = api(server.url, 'POST', `${VERSIONS}/${frozen.version.id}/lock`, { token: moderator })
    await afterRead.reached
    // The keystroke lands between the lock's read of the text and the moment it is stored.
    const closed = new Promise<number>((resolve) => editor.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)))
    clauseText(editor.text, 0).insert(0, 'SLIPPED-IN ')
    const outcome = await Promise.race([savedAcks(editor)(1).then(() => 'saved'), closed.then((code) => `closed ${code}`)])
    afterRead.open()

    expect((await locking).status).toBe(200)
    expect(outcome).toMatch(/^closed/)
    const redline = await api(server.url, 'GET', `/api/declarations/${DOC}/redline?from=${frozen.version.id}&to=live`, { token: moderator })
    expect(redline.body).toMatchObject({ summary: 'No changes.' })
  })
})

import { describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../../shared/versions/versionSchemas.js'
import { api } from '../../helpers/api.js'
import { barrier } from '../../helpers/barrier.js'
import { clauseText, clauseTexts, fragmentOf, readStoredDocument } from '../../helpers/declarationText.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { DRAFT, editingDraft } from '../../helpers/editingDraft.js'

const DOC = DRAFT
const VERSIONS = `/api/declarations/${DOC}/versions`

describe('a new round from a version while the draft is locked', () => {
  it('is refused when the lock lands between its check and its change, so the locked version stays the live text', async () => {
    const afterCheck = barrier()
    const { server, moderator, editor } = await editingDraft({ hooks: { afterRestoreCheck: afterCheck.hold } })
    const older = (await api(server.url, 'POST', VERSIONS, { token: moderator, body: { name: 'Round one' } })).body as { version: VersionSummary }
    clauseText(editor.text, 1).insert(0, 'ROUND-TWO ')
    await savedAcks(editor)(1)
    const latest = (await api(server.url, 'POST', VERSIONS, { token: moderator, body: { name: 'Round two' } })).body as { version: VersionSummary }

    const restoring = api(server.url, 'POST', `${VERSIONS}/${older.version.id}/restore`, { token: moderator })
    await afterCheck.reached
    expect((await api(server.url, 'POST', `${VERSIONS}/${latest.version.id}/lock`, { token: moderator })).status).toBe(200)
    afterCheck.open()

    const restored = await restoring
    expect(restored.status).toBe(409)
    expect(restored.body).toMatchObject({ error: 'locked' })
    const redline = await api(server.url, 'GET', `/api/declarations/${DOC}/redline?from=${latest.version.id}&to=live`, { token: moderator })
    expect(redline.body).toMatchObject({ summary: 'No changes.' })
    expect(clauseTexts(fragmentOf(await readStoredDocument(server.dataDir, DOC)))[1]).toMatch(/^ROUND-TWO /)
  })
})

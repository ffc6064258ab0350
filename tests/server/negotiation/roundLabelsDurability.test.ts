import { rm } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { documentClauses } from '../../../shared/editor/documentClauses.js'
import { readLabelRecords } from '../../../shared/negotiation/labelRecords.js'
import { formatLabel } from '../../../shared/negotiation/roundLabels.js'
import { api } from '../../helpers/api.js'
import { startChildServer, type ChildServer } from '../../helpers/childServer.js'
import { readStoredDocument } from '../../helpers/declarationText.js'
import { addClauseAfter, labelOfId } from '../../helpers/roundLabels.js'
import { savedAcks } from '../../helpers/savedAcks.js'
import { startSession } from '../../helpers/sessions.js'
import { connectClient, waitFor, whenSynced } from '../../helpers/syncClients.js'
import { tempDataDir } from '../../helpers/testServer.js'

const DOC = 'almaty-declaration'
const OP7 = 14
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups.length = 0
})

async function kill(child: ChildServer): Promise<void> {
  child.process.kill('SIGKILL')
  await child.exited
}

describe('round labels on disk', () => {
  it('has a new paragraph’s label on disk once its writer is told the paragraph is saved, through kill -9', async () => {
    const dataDir = await tempDataDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    let child = await startChildServer(dataDir)
    // The server saves as it shuts down, so its folder is removed only once it has exited.
    cleanups.push(async () => {
      child.process.kill('SIGTERM')
      await child.exited
    })
    expect((await api(child.url, 'POST', `/api/declarations/${DOC}/versions`, { token: await startSession(child.url), body: { name: 'Zero draft' } })).status).toBe(201)
    const editor = connectClient(child.wsUrl, DOC, await startSession(child.url, 'editor-gbr'))
    cleanups.push(() => editor.destroy())
    await whenSynced(editor)
    addClauseAfter(editor, OP7, 'savedaddition', 'Encourages partnerships;')
    // The label is written in the same turn as the paragraph, so the acknowledgement of the paragraph covers it.
    await savedAcks(editor)(1)
    editor.destroy()
    await kill(child)

    const stored = documentClauses(await readStoredDocument(dataDir, DOC))
    expect(stored.find((clause) => clause.id === 'savedaddition')?.label).toBe('OP7bis')

    child = await startChildServer(dataDir)
    const again = connectClient(child.wsUrl, DOC, await startSession(child.url, 'editor-chn'))
    cleanups.push(() => again.destroy())
    await whenSynced(again)
    expect(labelOfId(again, 'savedaddition')).toBe('OP7bis')
    addClauseAfter(again, OP7, 'afterrestart', 'Invites donors;')
    await waitFor(() => readLabelRecords(again.doc).has('operative/afterrestart'), 'the server records the next addition')
    expect(formatLabel(readLabelRecords(again.doc).get('operative/afterrestart')!)).toBe('OP7ter')
  })
})

import { describe, expect, it } from 'vitest'
import type { BracketItem } from '../../../shared/brackets/bracketSchemas.js'
import { api } from '../../helpers/api.js'
import { barrier, type Barrier } from '../../helpers/barrier.js'
import { alternativesOn, BRACKETS_PATH, place } from '../../helpers/brackets.js'
import { clauseText } from '../../helpers/declarationText.js'
import { roomOnServer } from '../../helpers/roomOnServer.js'
import { waitFor } from '../../helpers/syncClients.js'

/** Set while a test holds a resolution between its text change and its record. */
let hold: Barrier | null = null
/** Set while a test holds a resolution as it arrives, before it reads the text. */
let arrival: Barrier | null = null
const room = roomOnServer({
  sessions: { chair: 'chair' },
  clients: { typist: 'editor-gbr', watcher: 'observer-idn' },
  server: {
    bracketResolutionHook: async (event) => {
      if (event === 'requested' && arrival) await arrival.hold()
      if (event === 'text-applied' && hold) await hold.hold()
    },
  },
})

const choose = (id: string, option: number) => api(room.server.url, 'POST', `${BRACKETS_PATH}/${id}/resolve`, { token: room.chair, body: { action: 'choose', option } })
const stored = async (id: string) => ((await api(room.server.url, 'GET', BRACKETS_PATH, { token: room.chair })).body as BracketItem[]).find((item) => item.id === id)

describe('choosing an alternative while someone types in the paragraph', () => {
  it('typing that lands between the text change and its record is kept, and the chosen wording is exact', async () => {
    const set = await place(room.server.url, room.chair, alternativesOn(room.typist, 11, 'be guided by', [['be guided by', 'KAZ'], ['respect', 'USA']]))
    const before = clauseText(room.watcher.text, 11).toString()
    hold = barrier()
    const choosing = choose(set.id, 2)
    await hold.reached
    // The wording is on disk, the choice not yet recorded: the delegate types at both ends of the paragraph now.
    const text = clauseText(room.typist.text, 11)
    text.insert(0, 'Firmly ')
    text.insert(text.length, ' (as typed)')
    const expected = `Firmly ${before.replace('be guided by', 'respect')} (as typed)`
    await waitFor(() => clauseText(room.watcher.text, 11).toString() === expected && clauseText(room.typist.text, 11).toString() === expected, 'typing and the chosen wording meet in every copy')
    expect((await stored(set.id))?.status).toBe('open')
    hold.open()
    hold = null
    expect((await choosing).body).toMatchObject({ status: 'chosen', chosen: 2 })
    expect(clauseText(room.watcher.text, 11).toString()).toBe(expected)
  })

  it('typing that reaches the server while the choice waits to be applied moves the span, and the wording lands exactly on it', async () => {
    const set = await place(room.server.url, room.chair, alternativesOn(room.typist, 12, 'assistive and adaptive technologies', [['assistive and adaptive technologies', 'KAZ'], ['assistive technologies', 'NGA']]))
    arrival = barrier()
    const choosing = choose(set.id, 2)
    await arrival.reached
    // Held before it reads the text: words typed before the span and at its very start shift where it is.
    const text = clauseText(room.typist.text, 12)
    const at = text.toString().indexOf('assistive and adaptive technologies')
    text.insert(at, 'affordable ')
    text.insert(0, 'Also ')
    const typed = clauseText(room.typist.text, 12).toString()
    await waitFor(() => clauseText(room.watcher.text, 12).toString() === typed, 'the typing reaches the server')
    arrival.open()
    arrival = null
    expect((await choosing).body).toMatchObject({ status: 'chosen', chosen: 2 })
    const expected = typed.replace('assistive and adaptive technologies', 'assistive technologies')
    await waitFor(() => clauseText(room.typist.text, 12).toString() === expected && clauseText(room.watcher.text, 12).toString() === expected, 'every copy has the wording in place of the span')
  })

  it('typing the server had not seen when it wrote the wording merges around it, and the chosen wording stays whole', async () => {
    const words = 'equitable access for every learner'
    const paragraph = clauseText(room.typist.text, 13)
    paragraph.insert(paragraph.length, ` with ${words}`)
    await waitFor(() => clauseText(room.watcher.text, 13).toString().endsWith(words), 'the words reach the server')
    const set = await place(room.server.url, room.chair, alternativesOn(room.typist, 13, words, [[words, 'KAZ'], ['access for all learners', 'CHN']]))
    const before = clauseText(room.typist.text, 13).toString()
    const at = before.indexOf(words)
    room.typist.provider.disconnect()
    // Offline: typed at the span's start, its end, and inside the rest of the paragraph, all unseen by the server.
    const text = clauseText(room.typist.text, 13)
    text.insert(at + words.length, ' [end]')
    text.insert(at, '[start] ')
    text.insert(0, 'We ')
    expect((await choose(set.id, 2)).body).toMatchObject({ status: 'chosen', chosen: 2 })
    await waitFor(() => clauseText(room.watcher.text, 13).toString().includes('access for all learners'), 'the choice is in the server copy')
    room.typist.provider.connect()
    await waitFor(() => clauseText(room.typist.text, 13).toString() === clauseText(room.watcher.text, 13).toString() && clauseText(room.watcher.text, 13).toString().includes('[end]'), 'both copies converge')
    const head = `We ${before.slice(0, at)}[start] `
    // Typed at the very point where the wording was written, the end mark lands on one side of it or the other; the wording stays whole.
    expect([`${head}access for all learners [end]`, `${head} [end]access for all learners`]).toContain(clauseText(room.watcher.text, 13).toString())
  })
})

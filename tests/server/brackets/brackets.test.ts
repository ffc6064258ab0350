import { describe, expect, it } from 'vitest'
import type { BracketItem } from '../../../shared/brackets/bracketSchemas.js'
import { bracketCount, frozenBrackets } from '../../../shared/brackets/frozenBrackets.js'
import { anchorBetween } from '../../../shared/comments/anchors.js'
import { api } from '../../helpers/api.js'
import { alternativesOn, bracketOn, BRACKETS_PATH, place, pushedBrackets } from '../../helpers/brackets.js'
import { anchorOnWords, clauseIdAt } from '../../helpers/commentAnchors.js'
import { clauseText, clauseTexts } from '../../helpers/declarationText.js'
import { roomOnServer } from '../../helpers/roomOnServer.js'
import { waitFor } from '../../helpers/syncClients.js'

const DOC = 'almaty-declaration'
const room = roomOnServer({ sessions: { chair: 'chair' }, clients: { editor: 'editor-gbr', observer: 'observer-idn' } })

const list = async () => (await api(room.server.url, 'GET', BRACKETS_PATH, { token: room.chair })).body as BracketItem[]
const audit = async () => ((await api(room.server.url, 'GET', `/api/declarations/${DOC}/audit`, { token: room.chair })).body as { entries: { action: string; details: Record<string, unknown> }[] }).entries
const resolve = (id: string, body: unknown, token = room.chair) => api(room.server.url, 'POST', `${BRACKETS_PATH}/${id}/resolve`, { token, body })

describe('square brackets and alternatives over the API', () => {
  it('a moderator brackets words at delegations’ request: stored, audited, and pushed live to every open socket', async () => {
    const pushed = pushedBrackets(room.observer)
    const bracket = await place(room.server.url, room.chair, bracketOn(room.editor, 14, 'speech and language therapy', ['KAZ', 'POL'], 'Scope of services still under discussion.'))
    expect(bracket).toMatchObject({
      kind: 'bracket',
      clauseId: clauseIdAt(room.editor.text, 14),
      quote: 'speech and language therapy',
      requestedBy: ['KAZ', 'POL'],
      reason: 'Scope of services still under discussion.',
      placedBy: { name: 'Aigerim Seitkali', delegation: 'KAZ' },
      status: 'open',
    })
    await waitFor(() => pushed.some((item) => item.id === bracket.id), 'the observer gets the push')
    expect((await list()).map((item) => item.id)).toContain(bracket.id)
    expect((await audit()).at(-1)).toMatchObject({ action: 'bracket_placed', details: { item: bracket.id, requestedBy: ['KAZ', 'POL'] } })
  })

  it('brackets nest, and a whole paragraph can be bracketed; a freeze reads each as offsets into its paragraph', async () => {
    const outer = await place(room.server.url, room.chair, bracketOn(room.editor, 20, 'South\u2013South and triangular cooperation', ['USA']))
    const inner = await place(room.server.url, room.chair, bracketOn(room.editor, 20, 'triangular', ['EGY']))
    const whole = await place(room.server.url, room.chair, { kind: 'bracket', clauseId: clauseIdAt(room.editor.text, 21), requestedBy: ['CHN'] })
    const frozen = frozenBrackets(room.editor.doc, await list())
    const text = clauseText(room.editor.text, 20).toString()
    const start = text.indexOf('South\u2013South')
    expect(frozen.brackets.filter((bracket) => [outer.id, inner.id].includes(bracket.id))).toEqual([
      { id: outer.id, clauseId: outer.clauseId, start, end: start + 'South\u2013South and triangular cooperation'.length, requestedBy: ['USA'], reason: '', placedBy: 'Aigerim Seitkali (KAZ)' },
      { id: inner.id, clauseId: inner.clauseId, start: text.indexOf('triangular'), end: text.indexOf('triangular') + 10, requestedBy: ['EGY'], reason: '', placedBy: 'Aigerim Seitkali (KAZ)' },
    ])
    expect(frozen.brackets.find((bracket) => bracket.id === whole.id)).toMatchObject({ start: 0, end: clauseText(room.editor.text, 21).length })
    expect(bracketCount(await list())).toMatchObject({ brackets: 4, paragraphs: 3 })
  })

  it('refuses a span outside one paragraph, an unknown paragraph or delegation, an empty span and one formulation, changing nothing', async () => {
    const before = { items: await list(), entries: (await audit()).length, text: clauseTexts(room.observer.text) }
    const across = { ...bracketOn(room.editor, 15, 'bullying'), anchor: { start: anchorOnWords(room.editor.text, 14, 'every school').start, end: anchorOnWords(room.editor.text, 15, 'bullying').end } }
    const point = anchorBetween({ type: clauseText(room.editor.text, 15), index: 5 }, { type: clauseText(room.editor.text, 15), index: 5 })
    const refusals: [unknown, number, string][] = [
      [across, 400, 'bad_span'],
      [{ ...bracketOn(room.editor, 15, 'bullying'), clauseId: 'zzzzzz999999' }, 400, 'unknown_paragraph'],
      [bracketOn(room.editor, 15, 'bullying', ['XYZ']), 400, 'unknown_delegation'],
      [{ ...bracketOn(room.editor, 15, 'bullying'), anchor: point }, 400, 'empty_span'],
      [{ ...bracketOn(room.editor, 15, 'bullying'), requestedBy: [] }, 400, 'invalid_body'],
      [alternativesOn(room.editor, 15, 'bullying', [['harassment', 'USA']]), 400, 'invalid_body'],
      [{ ...bracketOn(room.editor, 15, 'bullying'), anchor: { start: 'AAAA', end: '@@' } }, 400, 'invalid_body'],
    ]
    for (const [body, status, error] of refusals) {
      const answer = await api(room.server.url, 'POST', BRACKETS_PATH, { token: room.chair, body })
      expect(answer.status, JSON.stringify(answer.body)).toBe(status)
      expect(answer.body).toMatchObject({ error, message: expect.any(String) })
    }
    expect(await list()).toEqual(before.items)
    expect((await audit()).length).toBe(before.entries)
    expect(clauseTexts(room.observer.text)).toEqual(before.text)
  })

  it('lifting keeps the words; deleting them removes exactly the bracketed words; neither can happen twice', async () => {
    const pushed = pushedBrackets(room.observer)
    const lifted = await place(room.server.url, room.chair, bracketOn(room.editor, 15, 'to prevent bullying and discrimination, '))
    const textBefore = clauseText(room.observer.text, 15).toString()
    expect((await resolve(lifted.id, { action: 'lift' })).body).toMatchObject({ status: 'lifted', resolvedBy: { delegation: 'KAZ' } })
    await waitFor(() => pushed.some((item) => item.id === lifted.id && item.status === 'lifted'), 'the observer is told of the lift')
    expect(clauseText(room.observer.text, 15).toString()).toBe(textBefore)
    expect((await resolve(lifted.id, { action: 'delete-text' })).status).toBe(409)

    const deleted = await place(room.server.url, room.chair, bracketOn(room.editor, 9, ', transport'))
    const before = clauseText(room.observer.text, 9).toString()
    const answer = await resolve(deleted.id, { action: 'delete-text' })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    await waitFor(() => clauseText(room.observer.text, 9).toString() === before.replace(', transport', ''), 'the words go from every copy')
    expect((await audit()).at(-1)).toMatchObject({ action: 'bracket_text_deleted', details: { item: deleted.id } })
  })

  it('choosing an alternative writes exactly its wording in place of the span; a bracket cannot be chosen, nor an option that is not there', async () => {
    const set = await place(room.server.url, room.chair, alternativesOn(room.editor, 17, 'allocate sustainable', [['allocate sustainable', 'KAZ'], ['progressively increase', 'USA']]))
    expect(set).toMatchObject({ kind: 'alternatives', options: [{ text: 'allocate sustainable', proposedBy: ['KAZ'] }, { text: 'progressively increase', proposedBy: ['USA'] }], status: 'open' })
    const bracket = await place(room.server.url, room.chair, bracketOn(room.editor, 17, 'governments'))
    expect((await resolve(bracket.id, { action: 'choose', option: 1 })).body).toMatchObject({ error: 'bad_resolution' })
    expect((await resolve(set.id, { action: 'choose', option: 3 })).body).toMatchObject({ error: 'unknown_option' })
    expect((await resolve(set.id, { action: 'delete-text' })).body).toMatchObject({ error: 'bad_resolution' })
    const before = clauseText(room.observer.text, 17).toString()
    const answer = await resolve(set.id, { action: 'choose', option: 2 })
    expect(answer.body).toMatchObject({ status: 'chosen', chosen: 2 })
    await waitFor(() => clauseText(room.observer.text, 17).toString() === before.replace('allocate sustainable', 'progressively increase'), 'the chosen wording reaches every copy')
    expect((await audit()).at(-1)).toMatchObject({ action: 'alternatives_chosen', details: { item: set.id, chosen: 2, words: 'progressively increase' } })
    // The bracket on a neighbouring word keeps its word.
    expect(frozenBrackets(room.observer.doc, await list()).brackets.find((frozen) => frozen.id === bracket.id)).toMatchObject({ start: before.indexOf('governments'), end: before.indexOf('governments') + 11 })
  })

  it('alternatives for a whole paragraph, in any script: choosing one makes it the paragraph’s whole text', async () => {
    const kazakh = 'Инклюзивті білім беру үшін тұрақты қаржыландыруды қамтамасыз етуге шақырамыз;'
    const before = clauseTexts(room.observer.text)
    const set = await place(room.server.url, room.chair, { kind: 'alternatives', clauseId: clauseIdAt(room.editor.text, 22), options: [{ text: clauseText(room.editor.text, 22).toString(), proposedBy: ['GBR'] }, { text: kazakh, proposedBy: ['KAZ', 'UNESCO'] }] })
    expect(set).toMatchObject({ anchor: null, options: [{ proposedBy: ['GBR'] }, { text: kazakh, proposedBy: ['KAZ', 'UNESCO'] }] })
    expect((await resolve(set.id, { action: 'choose', option: 2 })).status).toBe(200)
    await waitFor(() => clauseText(room.observer.text, 22).toString() === kazakh, 'the paragraph is the chosen wording')
    expect(clauseTexts(room.observer.text).filter((_text, index) => index !== 22)).toEqual(before.filter((_text, index) => index !== 22))
  })

  it('deleting every bracketed word by editing leaves an empty bracket in place, which a moderator lifts', async () => {
    const bracket = await place(room.server.url, room.chair, bracketOn(room.editor, 19, 'and openly publish '))
    const text = clauseText(room.editor.text, 19)
    const at = text.toString().indexOf('and openly publish ')
    text.delete(at, 'and openly publish '.length)
    await waitFor(() => !clauseText(room.observer.text, 19).toString().includes('openly'), 'the deletion reaches the server and others')
    expect((await list()).find((item) => item.id === bracket.id)?.status).toBe('open')
    expect(frozenBrackets(room.observer.doc, await list()).brackets.find((frozen) => frozen.id === bracket.id)).toMatchObject({ start: at, end: at })
    expect((await resolve(bracket.id, { action: 'lift' })).body).toMatchObject({ status: 'lifted' })
  })

  it('refuses to place or resolve anything while the draft is locked for signature, changing nothing', async () => {
    const open = await place(room.server.url, room.chair, bracketOn(room.editor, 11, 'human oversight'))
    const frozen = (await api(room.server.url, 'POST', `/api/declarations/${DOC}/versions`, { token: room.chair, body: { name: 'Rev.1' } })).body as { version: { id: string } }
    expect((await api(room.server.url, 'POST', `/api/declarations/${DOC}/versions/${frozen.version.id}/lock`, { token: room.chair })).status).toBe(200)
    const before = { items: await list(), text: clauseTexts(room.observer.text) }
    expect((await api(room.server.url, 'POST', BRACKETS_PATH, { token: room.chair, body: bracketOn(room.editor, 11, 'transparency') })).body).toMatchObject({ error: 'locked' })
    expect((await resolve(open.id, { action: 'delete-text' })).body).toMatchObject({ error: 'locked' })
    expect(await list()).toEqual(before.items)
    expect(clauseTexts(room.observer.text)).toEqual(before.text)
    expect((await api(room.server.url, 'POST', `/api/declarations/${DOC}/versions/unlock`, { token: room.chair, body: { name: 'Rev.2' } })).status).toBeLessThan(300)
  })

  it('keeps brackets across a restart', async () => {
    const items = await list()
    await room.restart()
    expect(await list()).toEqual(items)
  })
})

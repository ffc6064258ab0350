import type * as decoding from 'lib0/decoding'
import { decodeControl } from '../../shared/protocol/controlCodec.js'
import { ServerControlMessage } from '../../shared/protocol/controlMessages.js'
import { MessageType } from '../../shared/protocol/messageTypes.js'
import { base64, statementBytes, type SignedStatement } from '../../shared/signatures/signatureStatement.js'
import { SILENCE_BREAK_PURPOSE, type BreakStatement, type SilenceView } from '../../shared/silence/silenceSchemas.js'
import type { AuditEntryView } from '../../shared/versions/versionSchemas.js'
import type { z } from 'zod'
import { api } from './api.js'
import { startSession } from './sessions.js'
import { registeredKey } from './signing.js'
import type { SyncClient } from './syncClients.js'

export const DOC = 'almaty-declaration'
export const base = `/api/declarations/${DOC}`

/** Freezes the live draft as the chair and locks it for signature; returns the version. */
export async function lockFinalText(url: string, chair: string): Promise<{ id: string; sha256: string; name: string }> {
  const frozen = await api(url, 'POST', `${base}/versions`, { token: chair, body: { name: 'Final text' } })
  const version = (frozen.body as { version: { id: string; sha256: string; name: string } }).version
  const locked = await api(url, 'POST', `${base}/versions/${version.id}/lock`, { token: chair })
  if (locked.status !== 200) throw new Error(`lock failed: ${locked.status} ${JSON.stringify(locked.body)}`)
  return version
}

/** The version's paragraphs as the server froze them: id and label. */
export async function frozenParagraphs(url: string, token: string, versionId: string): Promise<{ clauseId: string; label: string }[]> {
  const detail = (await api(url, 'GET', `${base}/versions/${versionId}`, { token })).body as { serialized: string }
  const text = JSON.parse(detail.serialized) as { blocks: { type: string; id?: string; label?: string }[] }
  return text.blocks.flatMap((block) => (block.type === 'clause' && block.id ? [{ clauseId: block.id, label: block.label! }] : []))
}

type Identity = { id: string; name: string; delegation: { code: string; name: string } }

/** A break of `silence` by this signer with this key, with overrides. */
export function breakStatementFor(identity: Identity, keyId: string, silence: SilenceView, brokenAt: number, overrides: Partial<BreakStatement> = {}): BreakStatement {
  return {
    purpose: SILENCE_BREAK_PURPOSE,
    declaration: DOC,
    versionId: silence.version.id,
    versionSha256: silence.version.sha256,
    silenceId: silence.id,
    signer: { id: identity.id, name: identity.name },
    delegation: { code: identity.delegation.code, name: identity.delegation.name },
    keyId,
    brokenAt: new Date(brokenAt).toISOString(),
    paragraphs: [],
    statement: 'Our capital cannot accept this paragraph.',
    ...overrides,
  }
}

/** Signs a statement of the signed family with a private key, as the browser does. */
export async function signStatement(privateKey: CryptoKey, statement: SignedStatement): Promise<string> {
  return base64(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, statementBytes(statement)))
}

/** A signatory who breaks silence: their session, a key registered for them, and their signed statements. */
export async function silenceBreaker(url: string, login: string) {
  const token = await startSession(url, login)
  const me = (await api(url, 'GET', '/api/session', { token })).body as { identity: Identity }
  const key = await registeredKey(url, token)
  const statement = (silence: SilenceView, brokenAt: number, overrides: Partial<BreakStatement> = {}) => breakStatementFor(me.identity, key.keyId, silence, brokenAt, overrides)
  const sign = (statement: SignedStatement) => signStatement(key.pair.privateKey, statement)
  const post = (body: unknown) => api(url, 'POST', `${base}/silence/breaks`, { token, body })
  return { token, me, key, statement, sign, post }
}

/** The current silence as the server shows it. */
export async function currentSilence(url: string, token: string): Promise<SilenceView | null> {
  return ((await api(url, 'GET', `${base}/silence`, { token })).body as { silence: SilenceView | null }).silence
}

/** The audit entries of one action. */
export async function auditEntries(url: string, chair: string, action: string): Promise<z.infer<typeof AuditEntryView>[]> {
  const view = (await api(url, 'GET', `${base}/audit`, { token: chair })).body as { entries: z.infer<typeof AuditEntryView>[] }
  return view.entries.filter((entry) => entry.action === action)
}

/** Collects the silences the server pushes to a client. */
export function pushedSilences(client: SyncClient): SilenceView[] {
  const pushed: SilenceView[] = []
  client.provider.messageHandlers[MessageType.control] = (_encoder, decoder) => {
    const message = decodeControl(decoder as decoding.Decoder, ServerControlMessage)
    if (message.type === 'silence') pushed.push(message.silence)
  }
  return pushed
}

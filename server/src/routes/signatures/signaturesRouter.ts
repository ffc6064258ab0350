import { randomUUID } from 'node:crypto'
import canonicalize from 'canonicalize'
import { Router } from 'express'
import { z } from 'zod'
import type { ServerMessageKey } from '../../../../shared/i18n/messageKeys.js'
import { can } from '../../../../shared/roles.js'
import type { EvidenceBundle } from '../../../../shared/signatures/evidence.js'
import { SignatureBody, verifyStatement } from '../../../../shared/signatures/signatureStatement.js'
import { sha256Hex } from '../../../../shared/versions/canonicalText.js'
import { CONTROL_PROTOCOL_VERSION } from '../../../../shared/protocol/controlMessages.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession, sessionOf } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'
import { publishedKeysView } from '../../signatures/publishedKeysView.js'
import { signaturesView } from '../../signatures/signaturesView.js'
import type { VersionService } from '../../versions/VersionService.js'

/** How far a statement's time may be from the server's. */
const CLOCK_SKEW_MS = 10 * 60 * 1000

/** Signing the locked version, the signatures page, and the evidence bundle. */
export function signaturesRouter(context: AppContext, versions: VersionService): Router {
  const { store, sessions, hub, log } = context
  const router = Router({ mergeParams: true })
  // Only this router's paths: others share the /declarations/:name mount.
  router.use(['/signatures', '/evidence'], requireSession(sessions), requirePermission(store, 'declaration.read'))

  router.get('/signatures', async (_request, response) => {
    const { declaration } = accessOf(response)
    const lockedId = (await store.getDeclaration(declaration))?.lockedVersion ?? null
    // While unlocked, the page shows the last version anyone signed.
    const versionId = lockedId ?? (await store.signatures.list(declaration)).at(-1)?.statement.versionId ?? null
    response.json(await signaturesView(store, declaration, versionId))
  })

  router.get('/signatures/keys', async (_request, response) => {
    const { declaration } = accessOf(response)
    response.setHeader('Content-Disposition', `attachment; filename="${declaration}-keys.json"`)
    response.json(await publishedKeysView(store, declaration))
  })

  router.post('/signatures', validateBody(SignatureBody), async (request, response) => {
    const { declaration, role } = accessOf(response)
    if (!can(role, 'signature.sign')) throw new ApiProblem(403, 'forbidden.sign')
    const { statement, signature } = request.body as z.infer<typeof SignatureBody>
    const { identity, participant } = sessionOf(response)
    const lockedId = (await store.getDeclaration(declaration))?.lockedVersion
    if (!lockedId) throw new ApiProblem(409, 'not_locked.sign')
    const refuse = (key: ServerMessageKey) => new ApiProblem(400, key)
    if (statement.declaration !== declaration || statement.versionId !== lockedId) throw refuse('wrong_version.signature')
    const { record } = await versions.get(declaration, lockedId)
    if (statement.versionSha256 !== record.sha256) throw refuse('wrong_hash.signature')
    if (statement.signer.id !== participant.id || statement.signer.name !== participant.name) throw refuse('wrong_signer')
    if (statement.delegation.code !== identity.delegation.code || statement.delegation.name !== identity.delegation.name) throw refuse('wrong_delegation')
    const key = await store.findKey(statement.keyId)
    if (!key || key.participantId !== participant.id) throw refuse('wrong_key')
    if (Math.abs(Date.parse(statement.signedAt) - Date.now()) > CLOCK_SKEW_MS) throw refuse('wrong_time')
    if (!(await verifyStatement(statement, signature, key.publicKey))) throw refuse('bad_signature')

    const signatureRecord = { id: randomUUID(), declaration, statement, signature, publicKey: key.publicKey, receivedAt: new Date().toISOString() }
    await store.signatures.append(signatureRecord, async (existing) => {
      if ((await store.getDeclaration(declaration))?.lockedVersion !== lockedId) {
        throw new ApiProblem(409, 'not_locked.meanwhile')
      }
      if (existing.some((other) => other.statement.versionId === lockedId && other.statement.delegation.code === statement.delegation.code)) {
        throw new ApiProblem(409, 'already_signed', { delegation: statement.delegation.name })
      }
    })
    await store.audit.append(declaration, {
      actor: authorOf(response),
      action: 'signed',
      details: { signatureId: signatureRecord.id, version: lockedId, delegation: statement.delegation.code, keyId: statement.keyId, signature, statementSha256: await sha256Hex(canonicalize(statement) ?? '') },
    })
    log.info('signed', { declaration, version: lockedId, delegation: statement.delegation.code, participant: participant.id })
    await hub.broadcast(declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'signatures' })
    response.status(201).json({ id: signatureRecord.id })
  })

  router.get('/evidence/:versionId', async (request, response) => {
    const { declaration } = accessOf(response)
    const { record } = await versions.get(declaration, String(request.params.versionId))
    const signatures = (await store.signatures.list(declaration)).filter((signature) => signature.statement.versionId === record.id)
    const bundle: EvidenceBundle = {
      format: 'kelisim-evidence/1',
      declaration,
      version: { id: record.id, seq: record.seq, name: record.name, serialized: record.serialized, sha256: record.sha256 },
      signatures: signatures.map(({ statement, signature, publicKey }) => ({ statement, signature, publicKey })),
      silence: await context.silence.evidence(declaration, record.id),
      audit: await store.audit.list(declaration),
    }
    response.setHeader('Content-Disposition', `attachment; filename="${declaration}-v${record.seq}-evidence.json"`)
    response.json(bundle)
  })

  return router
}

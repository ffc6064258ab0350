import { Router } from 'express'
import { z } from 'zod'
import { fingerprint, keyIdOf, PublicKeyBody } from '../../../../shared/signatures/signatureStatement.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { requireSession, sessionOf } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'

/** Signing keys: a browser registers the public half of the key pair it made; the private half never leaves it. */
export function keysRouter({ store, sessions, log }: AppContext): Router {
  const router = Router()
  router.use(requireSession(sessions))

  router.get('/', async (_request, response) => {
    const keys = await store.listKeys(sessionOf(response).participant.id)
    response.json(keys.map((key) => ({ keyId: key.keyId, fingerprint: fingerprint(key.keyId), createdAt: key.createdAt })))
  })

  router.post('/', validateBody(PublicKeyBody), async (request, response) => {
    const { publicKey } = request.body as z.infer<typeof PublicKeyBody>
    try {
      await crypto.subtle.importKey('raw', Buffer.from(publicKey, 'base64'), { name: 'Ed25519' }, false, ['verify'])
    } catch {
      throw new ApiProblem(400, 'bad_public_key')
    }
    const keyId = await keyIdOf(publicKey)
    const participantId = sessionOf(response).participant.id
    try {
      await store.registerKey({ keyId, participantId, publicKey, createdAt: new Date().toISOString() })
    } catch {
      throw new ApiProblem(409, 'key_taken')
    }
    log.info('key_registered', { participant: participantId, keyId })
    response.status(201).json({ keyId, fingerprint: fingerprint(keyId) })
  })

  return router
}

import { Router, type Response } from 'express'
import { z } from 'zod'
import { can, type Action } from '../../../../shared/roles.js'
import { attributeAccepted } from '../../../../shared/negotiation/redlineAttribution.js'
import { withBracketsPrinted } from '../../../../shared/brackets/bracketedCanonical.js'
import { negotiationChanges } from '../../../../shared/versions/negotiationChanges.js'
import { redline } from '../../../../shared/versions/redline.js'
import { redlineSummary, summaryLine } from '../../../../shared/versions/redlineSummary.js'
import type { ExportsKey, Message } from '../../../../shared/i18n/messageKeys.js'
import { FreezeBody } from '../../../../shared/versions/versionSchemas.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'
import type { VersionService } from '../../versions/VersionService.js'
import { exportLabels, exportOptionText } from '../../exports/exportData.js'
import { requestLanguage } from '../../i18n/requestLanguage.js'
import { translator } from '../../i18n/serverI18n.js'
import { presentAudit } from './presentAudit.js'
import { acceptedBetween } from './acceptedBetween.js'
import { presentVersion } from './presentVersion.js'

function allow(response: Response, action: Action): void {
  if (!can(accessOf(response).role, action)) throw new ApiProblem(403, 'forbidden.role')
}


/** Versions (list, view, freeze, lock, unlock, restore), redlines and the audit log of a declaration. */
export function versionsRouter(context: AppContext, versions: VersionService): Router {
  const { store, sessions } = context
  const router = Router({ mergeParams: true })
  // Only this router's paths: others share the /declarations/:name mount.
  router.use(['/versions', '/redline', '/audit'], requireSession(sessions), requirePermission(store, 'declaration.read'))

  const summaries = async (declaration: string) => {
    const lockedVersion = (await store.getDeclaration(declaration))?.lockedVersion
    return Promise.all((await versions.list(declaration)).map(({ record, intact }) => presentVersion(store, record, intact, lockedVersion)))
  }

  router.get('/versions', async (_request, response) => {
    response.json(await summaries(accessOf(response).declaration))
  })

  router.post('/versions', validateBody(FreezeBody), async (request, response) => {
    allow(response, 'versions.manage')
    const { declaration } = accessOf(response)
    const body = request.body as z.infer<typeof FreezeBody>
    if ((await store.getDeclaration(declaration))?.lockedVersion) throw new ApiProblem(409, 'locked.freeze')
    const { record, invisible } = await versions.freeze(declaration, authorOf(response), body.name, body.note, body.acceptInvisibleCharacters)
    response.status(201).json({ version: await presentVersion(store, record, true, null), invisibleCharacters: invisible })
  })

  router.post('/versions/unlock', validateBody(FreezeBody), async (request, response) => {
    allow(response, 'versions.manage')
    const body = request.body as z.infer<typeof FreezeBody>
    const { declaration } = accessOf(response)
    // A silence still running on the version that was locked ends as withdrawn (at start too, after a crash here).
    const record = await context.silence.unlock(declaration, authorOf(response), () => versions.unlock(declaration, authorOf(response), body.name, body.note))
    response.status(201).json(await presentVersion(store, record, true, null))
  })

  router.get('/versions/:versionId', async (request, response) => {
    const { declaration } = accessOf(response)
    const { record } = await versions.get(declaration, String(request.params.versionId))
    const lockedVersion = (await store.getDeclaration(declaration))?.lockedVersion
    response.json({ ...(await presentVersion(store, record, true, lockedVersion)), serialized: record.serialized, pendingAmendments: record.pendingAmendments ?? null })
  })

  router.post('/versions/:versionId/lock', async (request, response) => {
    allow(response, 'versions.manage')
    const record = await versions.lock(accessOf(response).declaration, String(request.params.versionId), authorOf(response))
    response.json(await presentVersion(store, record, true, record.id))
  })

  router.post('/versions/:versionId/restore', async (request, response) => {
    allow(response, 'versions.manage')
    await versions.restore(accessOf(response).declaration, String(request.params.versionId), authorOf(response))
    response.status(204).end()
  })

  router.get('/redline', async (request, response) => {
    const { declaration } = accessOf(response)
    const query = z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64) }).safeParse(request.query)
    if (!query.success) throw new ApiProblem(400, 'invalid_query')
    const textOf = async (id: string) => (id === 'live' ? versions.liveText(declaration) : (await versions.get(declaration, id)).text)
    const [from, to] = [await textOf(query.data.from), await textOf(query.data.to)]
    // The words are compared as printed: square brackets placed or lifted show as inserted or deleted `[` `]`.
    const optionText = exportOptionText(exportLabels(requestLanguage(request, response)))
    const compared = redline(withBracketsPrinted(from, optionText), withBracketsPrinted(to, optionText))
    // The sentences come as messages for the browser to word in its own language, and in words in the request's language for other readers.
    const words = translator('exports', requestLanguage(request, response))
    const put = (message: Message<ExportsKey>) => words.t(message.key, message.values)
    const accepted = attributeAccepted(compared, await acceptedBetween(store, declaration, query.data.from, query.data.to))
    const negotiation = negotiationChanges(from, to)
    response.json({
      ...compared,
      summary: summaryLine(redlineSummary(compared).map(put), words.t('versions.redline.noChanges'), words.locale),
      accepted: accepted.map((line) => ({ ...line, text: put(line.message) })),
      negotiation: { ...negotiation, sentences: negotiation.messages.map(put) },
    })
  })

  router.get('/audit', async (_request, response) => {
    allow(response, 'audit.read')
    response.json(await presentAudit(store, accessOf(response).declaration))
  })

  return router
}

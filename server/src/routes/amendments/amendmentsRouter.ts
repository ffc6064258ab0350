import { randomUUID } from 'node:crypto'
import { Router, type Response } from 'express'
import { CommentBodyInput } from '../../../../shared/comments/commentSchemas.js'
import type { z } from 'zod'
import {
  AcceptRevisedBody,
  EditAmendmentBody,
  ModeBody,
  NewAmendmentBody,
  RejectBody,
  StanceBody,
} from '../../../../shared/negotiation/amendmentSchemas.js'
import { amendmentLabel, type AmendmentRecord } from '../../../../shared/negotiation/amendmentRecord.js'
import { CONTROL_PROTOCOL_VERSION } from '../../../../shared/protocol/controlMessages.js'
import { CloseCode } from '../../../../shared/protocol/closeCodes.js'
import { can, type Action } from '../../../../shared/roles.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { refusalsAnswered } from '../../http/refusalsAnswered.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'
import { presentThread } from '../comments/presentThread.js'
import { resolveMentions } from '../comments/resolveMentions.js'
import { amendmentPresenter, broadcastAmendment } from './presentAmendment.js'

function allow(response: Response, action: Action): void {
  if (!can(accessOf(response).role, action)) throw new ApiProblem(403, 'forbidden.role')
}

/** The amendment number of a path: "/amendments/7". */
function numberOf(value: unknown): number {
  const text = String(value)
  if (!/^[1-9][0-9]{0,8}$/.test(text)) throw new ApiProblem(400, 'bad_amendment_number')
  return Number(text)
}

/** Amendments and the drafting mode: validated, stored durably, then pushed to every open page of the declaration. */
export function amendmentsRouter(context: AppContext): Router {
  const { store, sessions, hub, amendments, connections, log } = context
  const router = Router({ mergeParams: true })
  // Only this router's paths: others share the /declarations/:name mount.
  router.use(['/amendments', '/mode'], requireSession(sessions), requirePermission(store, 'declaration.read'))

  /** Pushes a stored amendment to everyone, then answers with it. */
  const publish = async (response: Response, amendment: AmendmentRecord, status = 200) => {
    response.status(status).json(await broadcastAmendment(store, hub, accessOf(response).declaration, amendment))
  }

  router.get('/amendments', async (_request, response) => {
    const present = await amendmentPresenter(store)
    response.json((await amendments.list(accessOf(response).declaration)).map(present))
  })

  router.post('/amendments', validateBody(NewAmendmentBody), async (request, response) => {
    allow(response, 'amendment.propose')
    const body = request.body as z.infer<typeof NewAmendmentBody>
    const { declaration } = accessOf(response)
    const amendment = await refusalsAnswered(() => amendments.propose(declaration, body.change, body.justification, authorOf(response)))
    log.info('amendment_proposed', { declaration, number: amendment.number, by: amendment.proposedBy.id })
    await publish(response, amendment, 201)
  })

  router.patch('/amendments/:number', validateBody(EditAmendmentBody), async (request, response) => {
    const moderator = can(accessOf(response).role, 'amendment.decide')
    if (!moderator) allow(response, 'amendment.propose')
    const body = request.body as z.infer<typeof EditAmendmentBody>
    const number = numberOf(request.params.number)
    await publish(response, await refusalsAnswered(() => amendments.edit(accessOf(response).declaration, number, body.change, body.justification, authorOf(response), moderator)))
  })

  router.post('/amendments/:number/withdraw', async (request, response) => {
    allow(response, 'amendment.propose')
    const number = numberOf(request.params.number)
    await publish(response, await refusalsAnswered(() => amendments.withdraw(accessOf(response).declaration, number, authorOf(response))))
  })

  router.put('/amendments/:number/stance', validateBody(StanceBody), async (request, response) => {
    allow(response, 'amendment.propose')
    const { stance } = request.body as z.infer<typeof StanceBody>
    const number = numberOf(request.params.number)
    await publish(response, await refusalsAnswered(() => amendments.stance(accessOf(response).declaration, number, stance, authorOf(response))))
  })

  router.delete('/amendments/:number/stance', async (request, response) => {
    allow(response, 'amendment.propose')
    const number = numberOf(request.params.number)
    await publish(response, await refusalsAnswered(() => amendments.stance(accessOf(response).declaration, number, null, authorOf(response))))
  })

  router.post('/amendments/:number/accept', async (request, response) => {
    allow(response, 'amendment.decide')
    const number = numberOf(request.params.number)
    const outcome = await refusalsAnswered(() => amendments.accept(accessOf(response).declaration, number, authorOf(response)))
    if (outcome.applied) return publish(response, outcome.amendment)
    // The flag is stored: everyone sees it before the moderator is told.
    await publish(response, outcome.amendment, 409)
  })

  router.post('/amendments/:number/accept-revised', validateBody(AcceptRevisedBody), async (request, response) => {
    allow(response, 'amendment.decide')
    const { change } = request.body as z.infer<typeof AcceptRevisedBody>
    const number = numberOf(request.params.number)
    await publish(response, await refusalsAnswered(() => amendments.acceptRevised(accessOf(response).declaration, number, change, authorOf(response))))
  })

  router.post('/amendments/:number/reject', validateBody(RejectBody), async (request, response) => {
    allow(response, 'amendment.decide')
    const { reason } = request.body as z.infer<typeof RejectBody>
    const number = numberOf(request.params.number)
    await publish(response, await refusalsAnswered(() => amendments.reject(accessOf(response).declaration, number, reason, authorOf(response))))
  })

  // An amendment's discussion is the comment thread with the amendment's id; replies go through the thread routes.
  router.post('/amendments/:number/discussion', validateBody(CommentBodyInput), async (request, response) => {
    allow(response, 'comment.write')
    const { body } = request.body as z.infer<typeof CommentBodyInput>
    const { declaration } = accessOf(response)
    const number = numberOf(request.params.number)
    const amendment = (await amendments.list(declaration)).find((candidate) => candidate.number === number)
    if (!amendment) throw new ApiProblem(404, 'unknown_amendment', { label: amendmentLabel(number) })
    const author = authorOf(response)
    const now = new Date().toISOString()
    const mentions = await resolveMentions(store, declaration, body)
    const stored = await store.comments.updateThread(declaration, amendment.id, (existing) => {
      if (existing) throw new ApiProblem(409, 'discussion_exists')
      return {
        id: amendment.id,
        clauseId: 'clauseId' in amendment.change ? amendment.change.clauseId : amendment.change.after,
        anchor: null,
        quote: `A${amendment.number}`,
        status: 'open',
        createdBy: author,
        createdAt: now,
        resolvedBy: null,
        resolvedAt: null,
        comments: [{ id: randomUUID(), author, body, mentions, createdAt: now, editedAt: null, deleted: false }],
      }
    })
    const thread = await presentThread(store, stored)
    await hub.broadcast(declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'thread', thread })
    response.status(201).json(thread)
  })

  router.get('/mode', async (_request, response) => {
    response.json({ mode: await amendments.store.mode(accessOf(response).declaration) })
  })

  router.put('/mode', validateBody(ModeBody), async (request, response) => {
    allow(response, 'mode.set')
    const { mode } = request.body as z.infer<typeof ModeBody>
    const { declaration } = accessOf(response)
    const previous = await amendments.setMode(declaration, mode, authorOf(response))
    await hub.broadcast(declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'mode', mode })
    if (previous !== mode) {
      // Editors' rights to type change with the mode: their pages reopen and learn them, as after a role change.
      for (const member of await store.listMembers(declaration)) {
        if (can(member.role, 'text.edit') && !can(member.role, 'text.editInNegotiation')) {
          connections.disconnect(member.participantId, declaration, CloseCode.roleChanged, 'The drafting mode changed; reconnecting with your rights.')
        }
      }
    }
    response.json({ mode })
  })

  return router
}

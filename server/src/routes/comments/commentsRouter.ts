import { randomUUID } from 'node:crypto'
import { Router, type Response } from 'express'
import { z } from 'zod'
import { findClause, resolveAnchor } from '../../../../shared/comments/anchors.js'
import { CommentBodyInput, NewThreadBody } from '../../../../shared/comments/commentSchemas.js'
import { DECLARATION_FRAGMENT } from '../../../../shared/editor/declarationExtensions.js'
import { CONTROL_PROTOCOL_VERSION } from '../../../../shared/protocol/controlMessages.js'
import { can, type Action } from '../../../../shared/roles.js'
import { ApiProblem } from '../../http/ApiProblem.js'
import type { AppContext } from '../../http/AppContext.js'
import { accessOf, requirePermission } from '../../http/requirePermission.js'
import { authorOf, requireSession, sessionOf } from '../../http/requireSession.js'
import { validateBody } from '../../http/validateBody.js'
import type { CommentRecord, ThreadRecord } from '../../store/Store.js'
import { presentThread } from './presentThread.js'
import { resolveMentions } from './resolveMentions.js'

const QUOTE_LENGTH = 300

function allow(response: Response, action: Action): void {
  if (!can(accessOf(response).role, action)) throw new ApiProblem(403, 'forbidden.role')
}


function existing(thread: ThreadRecord | undefined): ThreadRecord {
  if (!thread) throw new ApiProblem(404, 'unknown_thread')
  return thread
}

function ownComment(thread: ThreadRecord, commentId: string, authorId: string): CommentRecord {
  const comment = thread.comments.find((candidate) => candidate.id === commentId)
  if (!comment || comment.deleted) throw new ApiProblem(404, 'unknown_comment')
  if (comment.author.id !== authorId) throw new ApiProblem(403, 'not_author.comment')
  return comment
}

/** Comment threads anchored to the text: written through the server, stored durably, then pushed to everyone. */
export function commentsRouter(context: AppContext): Router {
  const { store, sessions, hub, log } = context
  const router = Router({ mergeParams: true })
  // Only this router's paths: others share the /declarations/:name mount.
  router.use(['/threads', '/mentions'], requireSession(sessions), requirePermission(store, 'declaration.read'))

  /** Stores a change to one thread, then pushes it to every open page of the declaration. */
  const save = async (response: Response, id: string, change: (thread: ThreadRecord | undefined) => Omit<ThreadRecord, 'version'>, status = 200) => {
    const { declaration } = accessOf(response)
    const thread = await presentThread(store, await store.comments.updateThread(declaration, id, change))
    await hub.broadcast(declaration, { v: CONTROL_PROTOCOL_VERSION, type: 'thread', thread })
    response.status(status).json(thread)
  }

  router.get('/threads', async (_request, response) => {
    const threads = await store.comments.listThreads(accessOf(response).declaration)
    response.json(await Promise.all(threads.map((thread) => presentThread(store, thread))))
  })

  router.post('/threads', validateBody(NewThreadBody), async (request, response) => {
    allow(response, 'comment.write')
    const { declaration } = accessOf(response)
    const body = request.body as z.infer<typeof NewThreadBody>
    const quote = await hub.withDocument(declaration, (document) => {
      const clause = findClause(document.doc.getXmlFragment(DECLARATION_FRAGMENT), body.clauseId)
      if (!clause) throw new ApiProblem(400, 'unknown_paragraph.declaration')
      if (!body.anchor) return clause.text.slice(0, QUOTE_LENGTH)
      const resolved = resolveAnchor(document.doc, body.anchor)
      if (resolved.removed || resolved.clauseId !== body.clauseId) {
        throw new ApiProblem(400, 'bad_anchor')
      }
      return resolved.text.slice(0, QUOTE_LENGTH)
    })
    const author = authorOf(response)
    const now = new Date().toISOString()
    const mentions = await resolveMentions(store, declaration, body.body)
    const thread: Omit<ThreadRecord, 'version'> = {
      id: randomUUID(),
      clauseId: body.clauseId,
      anchor: body.anchor ?? null,
      quote,
      status: 'open',
      createdBy: author,
      createdAt: now,
      resolvedBy: null,
      resolvedAt: null,
      comments: [{ id: randomUUID(), author, body: body.body, mentions, createdAt: now, editedAt: null, deleted: false }],
    }
    log.info('thread_created', { declaration, thread: thread.id, by: author.id })
    await save(response, thread.id, () => thread, 201)
  })

  router.post('/threads/:threadId/comments', validateBody(CommentBodyInput), async (request, response) => {
    allow(response, 'comment.write')
    const { body } = request.body as z.infer<typeof CommentBodyInput>
    const mentions = await resolveMentions(store, accessOf(response).declaration, body)
    const comment: CommentRecord = { id: randomUUID(), author: authorOf(response), body, mentions, createdAt: new Date().toISOString(), editedAt: null, deleted: false }
    await save(response, String(request.params.threadId), (thread) => ({ ...existing(thread), comments: [...existing(thread).comments, comment] }), 201)
  })

  router.patch('/threads/:threadId/comments/:commentId', validateBody(CommentBodyInput), async (request, response) => {
    allow(response, 'comment.write')
    const { body } = request.body as z.infer<typeof CommentBodyInput>
    const mentions = await resolveMentions(store, accessOf(response).declaration, body)
    const authorId = authorOf(response).id
    await save(response, String(request.params.threadId), (stored) => {
      const thread = existing(stored)
      const comment = ownComment(thread, String(request.params.commentId), authorId)
      const edited = { ...comment, body, mentions, editedAt: new Date().toISOString() }
      return { ...thread, comments: thread.comments.map((candidate) => (candidate.id === comment.id ? edited : candidate)) }
    })
  })

  router.delete('/threads/:threadId/comments/:commentId', async (request, response) => {
    allow(response, 'comment.write')
    const authorId = authorOf(response).id
    await save(response, String(request.params.threadId), (stored) => {
      const thread = existing(stored)
      const comment = ownComment(thread, String(request.params.commentId), authorId)
      // The text goes; the place stays, so replies keep their context.
      const deleted = { ...comment, body: '', mentions: [], deleted: true }
      return { ...thread, comments: thread.comments.map((candidate) => (candidate.id === comment.id ? deleted : candidate)) }
    })
  })

  for (const [action, status] of [
    ['resolve', 'resolved'],
    ['reopen', 'open'],
  ] as const) {
    router.post(`/threads/:threadId/${action}`, async (request, response) => {
      allow(response, 'comment.write')
      const author = authorOf(response)
      const mayModerate = can(accessOf(response).role, 'comment.moderate')
      await save(response, String(request.params.threadId), (stored) => {
        const thread = existing(stored)
        if (thread.createdBy.id !== author.id && !mayModerate) {
          throw new ApiProblem(403, 'not_author.thread')
        }
        return status === 'resolved'
          ? { ...thread, status, resolvedBy: author, resolvedAt: new Date().toISOString() }
          : { ...thread, status, resolvedBy: null, resolvedAt: null }
      })
    })
  }

  router.get('/mentions/read-at', async (_request, response) => {
    const { declaration } = accessOf(response)
    response.json({ readAt: await store.comments.getMentionsReadAt(declaration, sessionOf(response).participant.id) })
  })

  router.post('/mentions/read', async (_request, response) => {
    const { declaration } = accessOf(response)
    const readAt = new Date().toISOString()
    await store.comments.setMentionsReadAt(declaration, sessionOf(response).participant.id, readAt)
    response.json({ readAt })
  })

  return router
}

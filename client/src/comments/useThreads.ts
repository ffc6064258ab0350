import { useCallback, useEffect, useState } from 'react'
import { z } from 'zod'
import { MentionsReadAt, ThreadView } from '../../../shared/comments/commentSchemas.js'
import { callApi } from '../api/apiClient.js'
import { keepNewer } from '../api/keepNewer.js'
import type { ControlChannel } from '../sync/ControlChannel.js'

/** A declaration's threads, kept current by the server's pushes, and the calls that change them. */
export function useThreads(declaration: string, channel: ControlChannel) {
  const [threads, setThreads] = useState<ThreadView[]>([])
  const [mentionsReadAt, setMentionsReadAt] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  // An answer can come back after a push of a later change (a reply answered after another's resolve was pushed).
  const upsert = useCallback((thread: ThreadView) => {
    setThreads((current) => keepNewer(current, thread))
  }, [])

  useEffect(() => {
    const unsubscribe = channel.subscribe((message) => {
      if (message.type === 'thread') upsert(message.thread)
    })
    callApi(`/declarations/${declaration}/threads`, z.array(ThreadView)).then(
      (loaded) => setThreads((pushed) => pushed.reduce(keepNewer, loaded)),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
    callApi(`/declarations/${declaration}/mentions/read-at`, MentionsReadAt).then(({ readAt }) => setMentionsReadAt(readAt), () => undefined)
    return unsubscribe
  }, [declaration, channel, upsert])

  const base = `/declarations/${declaration}/threads`
  const act = useCallback(
    async (path: string, method: string, body?: unknown) => {
      upsert(await callApi(`${base}${path}`, ThreadView, { method, body }))
    },
    [base, upsert],
  )

  return {
    threads,
    error,
    mentionsReadAt,
    markMentionsRead: () => callApi(`/declarations/${declaration}/mentions/read`, MentionsReadAt, { method: 'POST' }).then(({ readAt }) => setMentionsReadAt(readAt)),
    create: (body: { clauseId: string; anchor?: unknown; body: string }) => act('', 'POST', body),
    reply: (threadId: string, body: string) => act(`/${threadId}/comments`, 'POST', { body }),
    edit: (threadId: string, commentId: string, body: string) => act(`/${threadId}/comments/${commentId}`, 'PATCH', { body }),
    remove: (threadId: string, commentId: string) => act(`/${threadId}/comments/${commentId}`, 'DELETE'),
    setResolved: (threadId: string, resolved: boolean) => act(`/${threadId}/${resolved ? 'resolve' : 'reopen'}`, 'POST'),
  }
}

/** The calls `useThreads` offers. */
export type ThreadActions = ReturnType<typeof useThreads>


import { useCallback, useEffect, useState } from 'react'
import { z } from 'zod'
import { ParagraphStatusView } from '../../../shared/paragraphStatus/paragraphStatusSchemas.js'
import type { ParagraphStatus } from '../../../shared/versions/negotiationSnapshot.js'
import { callApi } from '../api/apiClient.js'
import { replaces } from '../api/keepNewer.js'
import type { ControlChannel } from '../sync/ControlChannel.js'

/** The statuses with `view` in place of its paragraph's, unless the copy held is newer. */
function withNewer(statuses: ReadonlyMap<string, ParagraphStatusView>, view: ParagraphStatusView): ReadonlyMap<string, ParagraphStatusView> {
  return replaces(statuses.get(view.clauseId), view) ? new Map(statuses).set(view.clauseId, view) : statuses
}

/** A declaration's paragraph statuses by clause id, kept current by the server's `status` pushes, and the call that sets one. */
export function useParagraphStatuses(declaration: string, channel: ControlChannel) {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, ParagraphStatusView>>(() => new Map())
  const [error, setError] = useState<string | null>(null)

  const upsert = useCallback((view: ParagraphStatusView) => setStatuses((current) => withNewer(current, view)), [])

  useEffect(() => {
    const unsubscribe = channel.subscribe((message) => {
      if (message.type === 'status') upsert(message.status)
    })
    callApi(`/declarations/${declaration}/paragraph-statuses`, z.array(ParagraphStatusView)).then(
      // A push that came while the list loaded may be newer than the list's copy, or older.
      (loaded) => setStatuses((pushed) => [...pushed.values()].reduce(withNewer, new Map(loaded.map((view) => [view.clauseId, view] as const)))),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
    return unsubscribe
  }, [declaration, channel, upsert])

  const setStatus = useCallback(
    async (clauseId: string, status: ParagraphStatus, notTakenUp: boolean) => {
      upsert(await callApi(`/declarations/${declaration}/paragraph-statuses/${clauseId}`, ParagraphStatusView, { method: 'PUT', body: { status, notTakenUp } }))
    },
    [declaration, upsert],
  )

  return { statuses, error, setStatus }
}

/** What `useParagraphStatuses` offers. */
export type ParagraphStatuses = ReturnType<typeof useParagraphStatuses>

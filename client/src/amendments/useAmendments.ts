import { useCallback, useEffect, useState } from 'react'
import { z } from 'zod'
import { AmendmentView, type ChangeInput, type Stance } from '../../../shared/negotiation/amendmentSchemas.js'
import { callApi } from '../api/apiClient.js'
import type { ControlChannel } from '../sync/ControlChannel.js'
import { keepNewer } from '../api/keepNewer.js'

/** A declaration's amendments, kept current by the server's `amendment` pushes, and the calls that change them. */
export function useAmendments(declaration: string, channel: ControlChannel) {
  const [amendments, setAmendments] = useState<AmendmentView[]>([])
  const [error, setError] = useState<string | null>(null)

  // An answer can come back after a push of a later change (a support answered after the chair's accept was pushed).
  const upsert = useCallback((amendment: AmendmentView) => setAmendments((current) => keepNewer(current, amendment)), [])

  useEffect(() => {
    const unsubscribe = channel.subscribe((message) => {
      if (message.type === 'amendment') upsert(message.amendment)
    })
    callApi(`/declarations/${declaration}/amendments`, z.array(AmendmentView)).then(
      // A push that came while the list loaded replaces the list's copy only if it is newer.
      (loaded) => setAmendments((pushed) => pushed.reduce(keepNewer, loaded)),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
    return unsubscribe
  }, [declaration, channel, upsert])

  const base = `/declarations/${declaration}/amendments`
  const call = useCallback(
    async (path: string, method: string, body?: unknown): Promise<AmendmentView> => {
      const amendment = await callApi(`${base}${path}`, AmendmentView, { method, body })
      upsert(amendment)
      return amendment
    },
    [base, upsert],
  )
  const act = useCallback(
    async (path: string, method: string, body?: unknown) => {
      await call(path, method, body)
    },
    [call],
  )

  return {
    amendments,
    error,
    /** Answers the new amendment, so its number can be announced. */
    propose: (change: ChangeInput, justification: string) => call('', 'POST', { change, justification }),
    edit: (number: number, change: ChangeInput, justification: string) => act(`/${number}`, 'PATCH', { change, justification }),
    withdraw: (number: number) => act(`/${number}/withdraw`, 'POST'),
    setStance: (number: number, stance: Stance | null) => (stance ? act(`/${number}/stance`, 'PUT', { stance }) : act(`/${number}/stance`, 'DELETE')),
    accept: (number: number) => act(`/${number}/accept`, 'POST'),
    acceptRevised: (number: number, change: ChangeInput) => act(`/${number}/accept-revised`, 'POST', { change }),
    reject: (number: number, reason: string) => act(`/${number}/reject`, 'POST', { reason }),
  }
}

/** The calls `useAmendments` offers. */
export type AmendmentActions = ReturnType<typeof useAmendments>

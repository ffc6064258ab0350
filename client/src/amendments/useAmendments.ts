import { useCallback, useEffect, useState } from 'react'
import { z } from 'zod'
import { AmendmentView, type ChangeInput, type Stance } from '../../../shared/negotiation/amendmentSchemas.js'
import { callApi } from '../api/apiClient.js'
import type { ControlChannel } from '../sync/ControlChannel.js'

/** A declaration's amendments, kept current by the server's `amendment` pushes, and the calls that change them. */
export function useAmendments(declaration: string, channel: ControlChannel) {
  const [amendments, setAmendments] = useState<AmendmentView[]>([])
  const [error, setError] = useState<string | null>(null)

  const upsert = useCallback((amendment: AmendmentView) => {
    setAmendments((current) => (current.some((existing) => existing.id === amendment.id) ? current.map((existing) => (existing.id === amendment.id ? amendment : existing)) : [...current, amendment]))
  }, [])

  useEffect(() => {
    const unsubscribe = channel.subscribe((message) => {
      if (message.type === 'amendment') upsert(message.amendment)
    })
    callApi(`/declarations/${declaration}/amendments`, z.array(AmendmentView)).then(
      // A push that came while the list loaded is newer than the list's copy.
      (loaded) => setAmendments((pushed) => [...loaded.filter((amendment) => !pushed.some((other) => other.id === amendment.id)), ...pushed]),
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

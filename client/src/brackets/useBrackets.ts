import { useCallback, useEffect, useState } from 'react'
import { z } from 'zod'
import { BracketItem, type NewBracketInput, type ResolveBracketBody } from '../../../shared/brackets/bracketSchemas.js'
import { callApi } from '../api/apiClient.js'
import { keepNewer } from '../api/keepNewer.js'
import type { ControlChannel } from '../sync/ControlChannel.js'

/** A declaration's brackets and alternatives, kept current by the server's `brackets` pushes, and the calls that change them. */
export function useBrackets(declaration: string, channel: ControlChannel) {
  const [items, setItems] = useState<BracketItem[]>([])
  const [error, setError] = useState<string | null>(null)

  const upsert = useCallback((item: BracketItem) => setItems((current) => keepNewer(current, item)), [])

  useEffect(() => {
    const unsubscribe = channel.subscribe((message) => {
      if (message.type === 'brackets') upsert(message.item)
    })
    callApi(`/declarations/${declaration}/brackets`, z.array(BracketItem)).then(
      // A push that came while the list loaded may be newer than the list's copy, or older.
      (loaded) => setItems((pushed) => pushed.reduce(keepNewer, loaded)),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
    return unsubscribe
  }, [declaration, channel, upsert])

  const base = `/declarations/${declaration}/brackets`
  return {
    items,
    error,
    place: async (body: NewBracketInput) => upsert(await callApi(base, BracketItem, { method: 'POST', body })),
    resolve: async (id: string, body: ResolveBracketBody) => upsert(await callApi(`${base}/${id}/resolve`, BracketItem, { method: 'POST', body })),
  }
}

/** What `useBrackets` offers. */
export type BracketsState = ReturnType<typeof useBrackets>

import { useEffect, useState } from 'react'
import { ModeBody, type DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'
import { callApi } from '../api/apiClient.js'
import type { ControlChannel } from '../sync/ControlChannel.js'

/** The declaration's drafting mode, as the server last said; `known` until it says, so a reconnect does not flicker the rights. */
export function useDraftingMode(declaration: string, channel: ControlChannel, known: DraftingMode | null): DraftingMode | null {
  const [mode, setMode] = useState<DraftingMode | null>(known)
  useEffect(() => {
    let pushed = false
    const unsubscribe = channel.subscribe((message) => {
      if (message.type !== 'mode') return
      pushed = true
      setMode(message.mode)
    })
    callApi(`/declarations/${declaration}/mode`, ModeBody).then(
      ({ mode: loaded }) => {
        if (!pushed) setMode(loaded)
      },
      () => undefined,
    )
    return unsubscribe
  }, [declaration, channel])
  return mode
}

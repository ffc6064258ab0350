import { useEffect, useState } from 'react'
import { SilenceAnswer, type SilenceView } from '../../../shared/silence/silenceSchemas.js'
import { callApi } from '../api/apiClient.js'
import type { ControlChannel } from '../sync/ControlChannel.js'

/** The declaration's latest silence procedure as the server last said: undefined until known, null when there is none. */
export function useSilence(declaration: string, channel: ControlChannel | null): SilenceView | null | undefined {
  const [silence, setSilence] = useState<SilenceView | null | undefined>(undefined)
  useEffect(() => {
    let pushed = false
    const unsubscribe = channel?.subscribe((message) => {
      if (message.type !== 'silence') return
      pushed = true
      setSilence(message.silence)
    })
    callApi(`/declarations/${declaration}/silence`, SilenceAnswer).then(
      (answer) => {
        if (!pushed) setSilence(answer.silence)
      },
      () => undefined,
    )
    return unsubscribe
  }, [declaration, channel])
  return silence
}

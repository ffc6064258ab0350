import { useState } from 'react'

/** Runs a control's request and keeps the message of its failure to show; `after` runs once it succeeds. */
export function useAction(): { error: string | null; setError: (error: string | null) => void; run: <T>(action: Promise<T>, after?: (value: T) => void) => void } {
  const [error, setError] = useState<string | null>(null)
  const run = <T>(action: Promise<T>, after?: (value: T) => void) => {
    setError(null)
    action.then(after, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
  }
  return { error, setError, run }
}

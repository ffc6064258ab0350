import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'

/** The words a polite live region says when the drafting mode changes, and the mode last told; the page keeps both, so they outlive the reconnect the change causes. */
export function useModeAnnouncement(): { announcement: string; latest: DraftingMode | null; report: (mode: DraftingMode) => void } {
  const { t } = useTranslation()
  const known = useRef<DraftingMode | null>(null)
  const [latest, setLatest] = useState<DraftingMode | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const report = useCallback(
    (mode: DraftingMode) => {
      // The first mode a page learns is no change, nor is the same mode reported again by the reconnected page.
      if (known.current !== null && known.current !== mode) setAnnouncement(mode === 'open' ? t('amendments.mode.nowOpen') : t('amendments.mode.nowNegotiation'))
      known.current = mode
      setLatest(mode)
    },
    [t],
  )
  return { announcement, latest, report }
}

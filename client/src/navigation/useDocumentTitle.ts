import { useEffect } from 'react'

/** Names the browser tab after the screen: the screen first, then its declaration if any, then Kelisim. */
export function useDocumentTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter((part): part is string => Boolean(part)), 'Kelisim'].join(' — ')
  useEffect(() => {
    document.title = title
  }, [title])
}

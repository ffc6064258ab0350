import type { ReactNode } from 'react'

/** A wide table that scrolls sideways inside its own named region on a narrow screen, never the whole page. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // Focusable so that keyboard users can scroll it too.
    <div className="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}

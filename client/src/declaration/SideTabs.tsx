import type { ReactNode } from 'react'
import './sideTabs.css'

interface SideTabsProps {
  /** Each view's name, with an optional count for its button, and what it shows. */
  views: { name: string; count?: string; content: ReactNode }[]
  shown: string
  onShow: (name: string) => void
}

/** Buttons that switch the side panel between views (comments, amendments); the one shown is pressed. */
export function SideTabs({ views, shown, onShow }: SideTabsProps) {
  return (
    <>
      <div className="side-tabs" role="group" aria-label="Side panel shows">
        {views.map((view) => (
          <button key={view.name} type="button" aria-pressed={view.name === shown} onClick={() => onShow(view.name)}>
            {view.name}
            {view.count && <span className="side-tabs__count"> ({view.count})</span>}
          </button>
        ))}
      </div>
      {views.find((view) => view.name === shown)?.content}
    </>
  )
}

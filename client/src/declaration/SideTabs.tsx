import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './sideTabs.css'

interface SideTabsProps {
  /** Each view's id, its name and an optional count for its button, and what it shows. */
  views: { id: string; name: string; count?: string; content: ReactNode }[]
  shown: string
  onShow: (name: string) => void
}

/** Buttons that switch the side panel between views (comments, amendments); the one shown is pressed. */
export function SideTabs({ views, shown, onShow }: SideTabsProps) {
  const { t } = useTranslation()
  return (
    <>
      <div className="side-tabs" role="group" aria-label={t('declaration.sideTabs')}>
        {views.map((view) => (
          <button key={view.id} type="button" aria-pressed={view.id === shown} onClick={() => onShow(view.id)}>
            {view.name}
            {view.count && <span className="side-tabs__count"> ({view.count})</span>}
          </button>
        ))}
      </div>
      {views.find((view) => view.id === shown)?.content}
    </>
  )
}

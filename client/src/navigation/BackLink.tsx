import { useTranslation } from 'react-i18next'
import { AppLink } from './AppLink.js'

/** The link back to a declaration from one of its screens. */
export function BackLink({ name, onBack }: { name: string; onBack: () => void }) {
  const { t } = useTranslation()
  return (
    <p>
      <AppLink to={`/d/${name}`} onNavigate={onBack}>
        {t('navigation.back')}
      </AppLink>
    </p>
  )
}

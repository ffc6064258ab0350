import { useId, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Language, languageNames } from '../../../shared/i18n/languages.js'
import type { LanguageChoice } from './LanguageChoice.js'
import './languageSwitcher.css'

/** The interface language, on every page: each language named in itself, the change announced in the new one. */
export function LanguageSwitcher({ choice, signedIn }: { choice: LanguageChoice; signedIn: boolean }) {
  const { t, i18n } = useTranslation()
  const [announcement, setAnnouncement] = useState('')
  const id = useId()
  const current = Language.catch('en').parse(i18n.resolvedLanguage)

  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const language = Language.parse(event.target.value)
    const saved = choice.choose(language, signedIn)
    setAnnouncement(i18n.t('language.changed', { lng: language, language: languageNames[language] }))
    saved.catch((failure: unknown) =>
      setAnnouncement(i18n.t('language.saveFailed', { lng: language, message: failure instanceof Error ? failure.message : String(failure) })),
    )
  }

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={current} onChange={handleChange}>
        {Language.options.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </div>
  )
}

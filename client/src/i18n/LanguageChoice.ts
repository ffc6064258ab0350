import type { i18n } from 'i18next'
import { LanguageChoice as LanguageBody } from '../../../shared/api/languageChoice.js'
import type { Language } from '../../../shared/i18n/languages.js'
import { callApi } from '../api/apiClient.js'
import { storeLanguage } from './initialLanguage.js'

/**
 * The interface language a person chose: shown at once, kept in this browser for the next visit, and kept on the
 * server for the person once they are signed in. A choice made on the sign-in page is theirs after signing in.
 */
export class LanguageChoice {
  private chosenSignedOut: Language | null = null

  constructor(private readonly instance: i18n) {}

  /** The person picked `language`; resolves once the server has it, when they are signed in. */
  async choose(language: Language, signedIn: boolean): Promise<void> {
    storeLanguage(language)
    await this.instance.changeLanguage(language)
    if (!signedIn) {
      this.chosenSignedOut = language
      return
    }
    await callApi('/session/language', LanguageBody, { method: 'PUT', body: { language } })
  }

  /** Right after signing in: keeps a choice made before it on the server, before the session is read. */
  async signedIn(): Promise<void> {
    const language = this.chosenSignedOut
    this.chosenSignedOut = null
    if (language) await callApi('/session/language', LanguageBody, { method: 'PUT', body: { language } })
  }

  /** Follows the language the server keeps for the signed-in person (null: they have chosen none yet). */
  follow(language: Language | null): void {
    if (!language) return
    storeLanguage(language)
    void this.instance.changeLanguage(language)
  }
}

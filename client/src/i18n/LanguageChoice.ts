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
  /** The newest choice to keep on the server, and the PUT before it still under way. */
  private newest: Language | null = null
  private sending: Promise<void> = Promise.resolve()

  constructor(private readonly instance: i18n) {}

  /**
   * Keeps `language` on the server: one PUT at a time, each only if no newer choice came since, so two quick choices
   * can never reach the server in the other order and leave the older one kept.
   */
  private keep(language: Language): Promise<void> {
    this.newest = language
    const sent = this.sending.then(async () => {
      if (this.newest === language) await callApi('/session/language', LanguageBody, { method: 'PUT', body: { language } })
    })
    this.sending = sent.catch(() => undefined)
    return sent
  }

  /** The person picked `language`; resolves once the server has it, when they are signed in. */
  async choose(language: Language, signedIn: boolean): Promise<void> {
    storeLanguage(language)
    if (!signedIn) {
      this.chosenSignedOut = language
      await this.instance.changeLanguage(language)
      return
    }
    // Queued before the language is shown, so choices reach the server in the order they were made.
    await Promise.all([this.keep(language), this.instance.changeLanguage(language)])
  }

  /** Right after signing in: keeps a choice made before it on the server, before the session is read. */
  async signedIn(): Promise<void> {
    const language = this.chosenSignedOut
    this.chosenSignedOut = null
    if (language) await this.keep(language)
  }

  /** Follows the language the server keeps for the signed-in person (null: they have chosen none yet). */
  follow(language: Language | null): void {
    if (!language) return
    storeLanguage(language)
    void this.instance.changeLanguage(language)
  }
}

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { App } from './App.js'
import { createI18n } from './i18n/createI18n.js'
import { followDocumentLanguage } from './i18n/followDocumentLanguage.js'
import { initialLanguage } from './i18n/initialLanguage.js'
// ProseMirror's base rules, loaded as a stylesheet since the Content-Security-Policy refuses injected styles.
import 'prosemirror-view/style/prosemirror.css'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('missing #root')
const i18n = createI18n(initialLanguage())
followDocumentLanguage(i18n)
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
)

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
// ProseMirror's base rules, loaded as a stylesheet since the Content-Security-Policy refuses injected styles.
import 'prosemirror-view/style/prosemirror.css'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('missing #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

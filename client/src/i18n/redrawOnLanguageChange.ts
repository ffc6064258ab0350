import { Plugin, type PluginKey } from '@tiptap/pm/state'
import { getI18n } from 'react-i18next'

/** A plugin that redraws the decorations of `key` when the interface language changes, so marks in the text speak the new one. */
export function redrawOnLanguageChange(key: PluginKey): Plugin {
  return new Plugin({
    view: (view) => {
      const i18n = getI18n()
      const redraw = () => view.dispatch(view.state.tr.setMeta(key, true).setMeta('addToHistory', false))
      i18n.on('languageChanged', redraw)
      return { destroy: () => i18n.off('languageChanged', redraw) }
    },
  })
}

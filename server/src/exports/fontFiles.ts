import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ScriptFamily } from './scriptRuns.js'

const require = createRequire(import.meta.url)
const folder = (name: string) => dirname(require.resolve(`@expo-google-fonts/${name}/package.json`))

/** The font files embedded in exports, by script and weight/style: Noto Sans covers Latin and Cyrillic (Kazakh). */
export function fontFile(family: ScriptFamily, bold: boolean, italic: boolean): string {
  switch (family) {
    case 'cjk':
      return join(folder('noto-sans-sc'), bold ? '700Bold/NotoSansSC_700Bold.ttf' : '400Regular/NotoSansSC_400Regular.ttf')
    case 'arabic':
      return join(folder('noto-sans-arabic'), bold ? '700Bold/NotoSansArabic_700Bold.ttf' : '400Regular/NotoSansArabic_400Regular.ttf')
    case 'latin': {
      const style = bold ? (italic ? '700Bold_Italic/NotoSans_700Bold_Italic' : '700Bold/NotoSans_700Bold') : italic ? '400Regular_Italic/NotoSans_400Regular_Italic' : '400Regular/NotoSans_400Regular'
      return join(folder('noto-sans'), `${style}.ttf`)
    }
  }
}

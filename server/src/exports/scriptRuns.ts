/** The font family a piece of text needs. */
export type ScriptFamily = 'latin' | 'cjk' | 'arabic'

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u
const arabic = /[\p{Script=Arabic}]/u

function familyOf(character: string): ScriptFamily | null {
  if (cjk.test(character)) return 'cjk'
  if (arabic.test(character)) return 'arabic'
  // Spaces and punctuation belong to whatever run they are in.
  if (/[\s\p{P}\p{N}]/u.test(character)) return null
  return 'latin'
}

/** Splits text into runs that one font family can draw: Latin and Cyrillic, CJK, Arabic. */
export function scriptRuns(text: string): { family: ScriptFamily; text: string }[] {
  const runs: { family: ScriptFamily; text: string }[] = []
  for (const character of text) {
    const family = familyOf(character) ?? runs.at(-1)?.family ?? 'latin'
    const last = runs.at(-1)
    if (last && last.family === family) last.text += character
    else runs.push({ family, text: character })
  }
  return runs
}

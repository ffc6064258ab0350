import { plainText, type CanonicalText } from './canonicalText.js'

/**
 * Bidirectional controls, zero-width characters and control characters (line breaks and tabs aside): invisible on
 * screen, but they change what a text says or hashes.
 */
const invisible = /(?![\t\n])\p{Cc}|[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu

/** One invisible character found in the text. */
export interface InvisibleCharacter {
  /** PP3, OP7, "title", or "heading". */
  where: string
  /** U+202E and so on. */
  codePoint: string
  /** Offset in the paragraph's plain text (notes in brackets). */
  offset: number
}

function scan(where: string, text: string, found: InvisibleCharacter[]): void {
  for (const match of text.matchAll(invisible)) {
    found.push({ where, codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, offset: match.index })
  }
}

/** Every invisible control character in a canonical text, for the moderator to review at freeze time. */
export function findInvisibleCharacters(text: CanonicalText): InvisibleCharacter[] {
  const found: InvisibleCharacter[] = []
  scan('title', text.title, found)
  for (const block of text.blocks) {
    if (block.type === 'clause') scan(block.label, plainText(block.content), found)
    else if (block.type === 'heading') scan('heading', plainText(block.content), found)
    else scan('sub-items', JSON.stringify(block.items), found)
  }
  return found
}

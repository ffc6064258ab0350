import { z } from 'zod'

/** Lowercase words joined by single hyphens, 1 to 64 characters: safe in a URL and as a file name. */
export const documentNamePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A declaration's document name, as used in /sync/<name> and on disk. */
export const DocumentName = z.string().max(64).regex(documentNamePattern)

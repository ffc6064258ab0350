import type { IncomingMessage } from 'node:http'
import express, { type RequestHandler } from 'express'
import iconv from 'iconv-lite'
import { ApiProblem } from './ApiProblem.js'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** With the `u` flag a paired surrogate is one code point, so only unpaired ones match. */
const loneSurrogate = /[\ud800-\udfff]/u

/** JSON (RFC 8259) is UTF-8; anything else, or bytes that are not UTF-8, would be stored as replacement characters. */
function refuseNonUtf8(_request: IncomingMessage, _response: unknown, bytes: Buffer, encoding: string | null): void {
  if (encoding !== 'utf-8') throw new ApiProblem(415, 'charset_unsupported')
  try {
    strictUtf8.decode(bytes)
  } catch {
    throw new ApiProblem(400, 'invalid_utf8')
  }
}

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return loneSurrogate.test(value)
  if (typeof value !== 'object' || value === null) return false
  return Object.entries(value).some(([key, child]) => loneSurrogate.test(key) || holdsLoneSurrogate(child))
}

/** `\ud800` is valid JSON but not text: it cannot be stored, normalized or printed faithfully. */
const refuseLoneSurrogates: RequestHandler = (request, _response, next) => {
  if (holdsLoneSurrogate(request.body)) return next(new ApiProblem(400, 'invalid_text'))
  next()
}

/** Parses JSON bodies up to `limit`, refusing any that are not well-formed UTF-8 text. */
export function jsonBody(limit: string): RequestHandler[] {
  // The parser loads iconv-lite's encoding tables at the first body it reads, holding the sync loop 4–10 ms; at start instead.
  iconv.encodingExists('utf-8')
  return [express.json({ limit, verify: refuseNonUtf8 }), refuseLoneSurrogates]
}

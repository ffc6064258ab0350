import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { z } from 'zod'
import type { Identity } from '../../../shared/api/schemas.js'
import type { ThreadView } from '../../../shared/comments/commentSchemas.js'
import { ThreadView as ThreadSchema } from '../../../shared/comments/commentSchemas.js'
import { AmendmentView, type AmendmentStatus } from '../../../shared/negotiation/amendmentSchemas.js'
import { SignaturesView } from '../../../shared/signatures/evidence.js'
import { callApi } from '../api/apiClient.js'
import type { ControlChannel } from '../sync/ControlChannel.js'
import type { Happening } from './announcementQueue.js'
import { labelOfClause } from './paragraphLabels.js'

/** What the page already knew, so that only what is new is announced. */
interface Known {
  threads: Set<string>
  comments: Set<string>
  amendments: Map<string, AmendmentStatus>
  signed: Set<string>
  locked: boolean
}

/** Tells `onHappening` of others' new threads, comments, mentions, amendments and decisions, paragraph statuses, lock changes and signatures. */
export function useControlHappenings(declaration: string, channel: ControlChannel, provider: WebsocketProvider, editor: Editor | null, identity: Identity, onHappening: (happening: Happening) => void): void {
  useEffect(() => {
    // Without the editor there are no labels to say where something happened.
    if (!editor) return
    const known: Known = { threads: new Set(), comments: new Set(), amendments: new Map(), signed: new Set(), locked: channel.lastLock?.locked ?? false }
    const base = `/declarations/${declaration}`
    const ignore = () => undefined
    callApi(`${base}/threads`, z.array(ThreadSchema)).then((threads) => threads.forEach((thread) => rememberThread(known, thread)), ignore)
    callApi(`${base}/amendments`, z.array(AmendmentView)).then((amendments) => amendments.forEach(({ id, status }) => known.amendments.set(id, status)), ignore)
    const loadSigned = () => callApi(`${base}/signatures`, SignaturesView)
    loadSigned().then((view) => view.delegations.forEach(({ code, signature }) => signature && known.signed.add(code)), ignore)
    const label = (clauseId: string) => labelOfClause(editor, clauseId)
    const mine = identity.delegation.code

    return channel.subscribe((message) => {
      switch (message.type) {
        case 'thread': {
          const { thread } = message
          const paragraph = label(thread.clauseId)
          const isNew = !known.threads.has(thread.id)
          for (const comment of thread.comments) {
            if (known.comments.has(comment.id) || comment.deleted || comment.author.id === identity.id || !paragraph) continue
            const who = { name: comment.author.name, delegation: comment.author.delegation.name, paragraph }
            const mentionsMe = comment.mentions.some((mention) => (mention.kind === 'participant' ? mention.id === identity.id : mention.id === mine))
            const kind = mentionsMe ? 'mention' : isNew && comment === thread.comments[0] ? 'thread' : 'comment'
            onHappening({ kind, ...who, concernsMe: mentionsMe })
          }
          rememberThread(known, thread)
          break
        }
        case 'amendment': {
          const { amendment } = message
          const before = known.amendments.get(amendment.id)
          known.amendments.set(amendment.id, amendment.status)
          const ours = amendment.proposedBy.delegation.code === mine
          if (before === undefined) {
            const paragraph = label(amendment.change.kind === 'paragraph.insert' ? amendment.change.after : amendment.change.clauseId)
            if (amendment.proposedBy.id === identity.id || !paragraph) break
            onHappening({ kind: 'amendment', name: amendment.proposedBy.name, delegation: amendment.proposedBy.delegation.name, paragraph, amendment: amendment.label, concernsMe: ours })
          } else if (before !== amendment.status && amendment.status !== 'pending' && amendment.decidedBy?.id !== identity.id) {
            onHappening({ kind: 'decision', amendment: amendment.label, status: amendment.status, concernsMe: ours })
          }
          break
        }
        case 'status': {
          const { status } = message
          const paragraph = label(status.clauseId)
          if (status.setBy.id === identity.id || !paragraph) break
          onHappening({ kind: 'status', name: status.setBy.name, delegation: status.setBy.delegation.name, paragraph, status: status.status, concernsMe: false })
          break
        }
        case 'lock': {
          // Said while (re)connecting, it is how things stand, not a change; the server says nothing then when unlocked.
          if (provider.synced && known.locked !== message.locked) {
            onHappening(message.locked && message.version ? { kind: 'lock', version: message.version.name, concernsMe: true } : { kind: 'unlock', concernsMe: true })
          }
          known.locked = message.locked
          break
        }
        case 'signatures':
          loadSigned().then((view) => {
            if (!view.version) return
            for (const { code, name, signature } of view.delegations) {
              if (!signature || known.signed.has(code)) continue
              known.signed.add(code)
              if (code === mine && signature.signer === identity.name) continue
              onHappening({ kind: 'signature', delegation: name, version: view.version.name, concernsMe: code === mine })
            }
          }, ignore)
          break
        default:
          break
      }
    })
  }, [declaration, channel, provider, editor, identity, onHappening])
}

function rememberThread(known: Known, thread: ThreadView): void {
  known.threads.add(thread.id)
  for (const comment of thread.comments) known.comments.add(comment.id)
}

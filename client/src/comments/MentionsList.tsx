import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Identity } from '../../../shared/api/schemas.js'
import type { ThreadView } from '../../../shared/comments/commentSchemas.js'
import { SpokenLabel } from '../layout/SpokenLabel.js'

/** A comment by someone else that mentions me or my delegation. */
export interface UnreadMention {
  threadId: string
  commentId: string
  by: string
  excerpt: string
}

/** Mentions of this person or their delegation newer than when they last read them. */
export function unreadMentions(threads: ThreadView[], identity: Identity, readAt: string | null): UnreadMention[] {
  return threads.flatMap((thread) =>
    thread.comments
      .filter(
        (comment) =>
          comment.author.id !== identity.id &&
          (readAt === null || comment.createdAt > readAt) &&
          comment.mentions.some((mention) => (mention.kind === 'participant' ? mention.id === identity.id : mention.id === identity.delegation.code)),
      )
      .map((comment) => ({ threadId: thread.id, commentId: comment.id, by: comment.author.name, excerpt: comment.body.slice(0, 80) })),
  )
}

/** The unread-mentions badge; opening it lists them and marks them read. */
export function MentionsList({ unread, onOpen, onRead }: { unread: UnreadMention[]; onOpen: (threadId: string) => void; onRead: () => void }) {
  const [open, setOpen] = useState(false)
  const [shown, setShown] = useState<UnreadMention[]>([])
  const { t } = useTranslation()
  if (unread.length === 0 && !open) return null
  return (
    <div className="mentions">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => {
          if (!open) {
            setShown(unread)
            onRead()
          }
          setOpen(!open)
        }}
      >
        {open ? t('comments.mentions.hide') : t('comments.mentions.unread', { count: unread.length })}
      </button>
      {open && (
        <ul>
          {shown.map((mention) => (
            <li key={mention.commentId}>
              <bdi dir="auto">{mention.by}</bdi>: “<bdi dir="auto">{mention.excerpt}</bdi>”{' '}
              <button type="button" onClick={() => onOpen(mention.threadId)}>
                <SpokenLabel shown={t('comments.mentions.go')} spoken={t('comments.mentions.goSpoken', { name: mention.by })} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

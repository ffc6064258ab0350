import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { Trans, useTranslation } from 'react-i18next'
import { DeclarationAccess, type Identity } from '../../../shared/api/schemas.js'
import type { DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import { can } from '../../../shared/roles.js'
import { callApi } from '../api/apiClient.js'
import { updateAmendmentMarks, type MarksShown } from '../amendments/AmendmentMarks.js'
import { Announcements } from '../announcements/Announcements.js'
import { AmendmentsPanel } from '../amendments/AmendmentsPanel.js'
import { DraftingModeControl } from '../amendments/DraftingModeControl.js'
import { MarksToggle } from '../amendments/MarksToggle.js'
import { ParagraphProposal } from '../amendments/ParagraphProposal.js'
import { SuggestionBar } from '../amendments/SuggestionBar.js'
import { useAmendments } from '../amendments/useAmendments.js'
import { useDraftingMode } from '../amendments/useDraftingMode.js'
import { useModeAnnouncement } from '../amendments/useModeAnnouncement.js'
import { updateBracketMarks } from '../brackets/BracketMarks.js'
import { BracketsPanel, bracketsSummary } from '../brackets/BracketsPanel.js'
import { useBrackets } from '../brackets/useBrackets.js'
import { CommentsPanel } from '../comments/CommentsPanel.js'
import { DraftNotice } from '../drafts/DraftNotice.js'
import { EditTooLargeNotice } from '../drafts/EditTooLargeNotice.js'
import { DeclarationEditor } from '../editor/DeclarationEditor.js'
import { Toolbar } from '../editor/Toolbar.js'
import { useDeclarationEditor } from '../editor/useDeclarationEditor.js'
import { ClosedParagraphNotice } from '../paragraphStatus/ClosedParagraphNotice.js'
import { StatusPanel } from '../paragraphStatus/StatusPanel.js'
import { useParagraphStatuses } from '../paragraphStatus/useParagraphStatuses.js'
import { useStatusBadges } from '../paragraphStatus/useStatusBadges.js'
import { PresenceList } from '../presence/PresenceList.js'
import { roleName } from '../i18n/roleName.js'
import { useDeclarationSync, useSaveStatus, type DeclarationSync } from '../sync/useDeclarationSync.js'
import { AppLink } from '../navigation/AppLink.js'
import { SaveIndicator } from './SaveIndicator.js'
import { SideTabs } from './SideTabs.js'
import { WorkspaceLayout } from './WorkspaceLayout.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'
import { TextReplacedNotice } from './TextReplacedNotice.js'
import { SilenceSection } from '../silence/SilenceSection.js'

interface DeclarationPageProps {
  name: string
  identity: Identity
  onNavigate: (path: string) => void
  onSessionEnded: () => void
}

/** A declaration: its text, who is here, and whether everything is saved; what it offers follows the role. */
export function DeclarationPage({ name, identity, onNavigate, onSessionEnded }: DeclarationPageProps) {
  const [access, setAccess] = useState<DeclarationAccess | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  const [modeSlot, setModeSlot] = useState<HTMLElement | null>(null)
  const modeAnnouncement = useModeAnnouncement()
  const { t } = useTranslation()
  const titleId = useId()
  useDocumentTitle(access?.title)

  const load = useCallback(() => {
    callApi(`/declarations/${name}`, DeclarationAccess).then(
      (next) => {
        setAccess(next)
        setGeneration((value) => value + 1)
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }, [name])

  useEffect(load, [load])

  const handleClosed = useCallback(
    (code: number) => {
      if (code === CloseCode.roleChanged) load()
      else if (code === CloseCode.unauthorized) onSessionEnded()
    },
    [load, onSessionEnded],
  )

  if (error) return <p role="alert">{error}</p>
  if (!access) return <p role="status">{t('app.loading')}</p>
  return (
    <article className="declaration-page" aria-labelledby={titleId}>
      {/* The page is named after the declaration's own title, in the title's direction. */}
      <span id={titleId} hidden dir="auto">
        {access.title}
      </span>
      <div className="declaration-bar">
        <p className="role-badge">
          {can(access.role, 'text.edit') ? t('declaration.role', { role: roleName(t, access.role) }) : t('declaration.roleReadOnly', { role: roleName(t, access.role) })}
        </p>
        <div ref={setModeSlot} className="declaration-mode" />
        <p role="status" className="visually-hidden">
          {modeAnnouncement.announcement}
        </p>
        <nav aria-label={t('declaration.nav')} className="declaration-nav">
          <AppLink to={`/d/${name}/versions`} onNavigate={onNavigate}>
            {t('declaration.versions')}
          </AppLink>
          <AppLink to={`/d/${name}/signatures`} onNavigate={onNavigate}>
            {t('signatures.title')}
          </AppLink>
          <AppLink to={`/d/${name}/compilation`} onNavigate={onNavigate}>
            {t('declaration.compilation')}
          </AppLink>
          {can(access.role, 'participants.manage') && (
            <AppLink to={`/d/${name}/participants`} onNavigate={onNavigate}>
              {t('participants.title')}
            </AppLink>
          )}
        </nav>
      </div>
      <Workspace key={generation} access={access} identity={identity} modeSlot={modeSlot} knownMode={modeAnnouncement.latest} onMode={modeAnnouncement.report} onClosed={handleClosed} />
    </article>
  )
}

interface WorkspaceProps {
  access: DeclarationAccess
  identity: Identity
  /** Where the drafting mode is shown, beside the role. */
  modeSlot: HTMLElement | null
  /** The drafting mode the page last heard, to start from after a reconnect. */
  knownMode: DraftingMode | null
  /** Told each drafting mode the server says, so that the page announces a change once. */
  onMode: (mode: DraftingMode) => void
  onClosed: (code: number) => void
}

function Workspace(props: WorkspaceProps) {
  const sync = useDeclarationSync(props.access.name, props.access.createdAt)
  if (!sync) return null
  return <ConnectedWorkspace sync={sync} {...props} />
}

function ConnectedWorkspace({ sync, access, identity, modeSlot, knownMode, onMode, onClosed }: WorkspaceProps & { sync: DeclarationSync }) {
  const status = useSaveStatus(sync.tracker)
  const refusedCode = status.kind === 'refused' ? status.code : null
  useEffect(() => {
    if (refusedCode !== null) onClosed(refusedCode)
  }, [refusedCode, onClosed])
  const lock = useLock(sync)
  const mode = useDraftingMode(access.name, sync.channel, knownMode)
  useEffect(() => {
    if (mode) onMode(mode)
  }, [mode, onMode])
  const [suggestingChosen, setSuggestingChosen] = useState(false)
  // In negotiation the text changes only through amendments, except for those who keep the pen.
  const typesInText = can(access.role, mode === 'negotiation' ? 'text.editInNegotiation' : 'text.edit')
  const canSuggest = can(access.role, 'amendment.propose') && !lock
  const forced = canSuggest && can(access.role, 'text.edit') && !typesInText
  const suggesting = canSuggest && (forced || suggestingChosen)
  const canEdit = typesInText && !lock
  const editable = mode !== null && (canEdit || suggesting) && sync.ready && status.kind !== 'refused'
  const user = useMemo(
    () => ({ name: identity.name, delegation: identity.delegation, role: access.role, color: identity.delegation.color }),
    [identity, access.role],
  )
  const editor = useDeclarationEditor(sync.doc, sync.provider, user, editable)
  const amendments = useAmendments(access.name, sync.channel)
  const statuses = useParagraphStatuses(access.name, sync.channel)
  useStatusBadges(editor, statuses.statuses)
  const { t } = useTranslation()
  const [sideView, setSideView] = useState('comments')
  const [focusedAmendment, setFocusedAmendment] = useState<string | null>(null)
  const [marksShown, setMarksShown] = useState<MarksShown>('all')
  useEffect(() => {
    if (!editor) return
    const onActivate = (amendmentId: string) => {
      setSideView('amendments')
      setFocusedAmendment(amendmentId)
    }
    updateAmendmentMarks(editor, { amendments: amendments.amendments, shown: marksShown, onActivate })
  }, [editor, amendments.amendments, marksShown])
  const brackets = useBrackets(access.name, sync.channel)
  useEffect(() => {
    if (editor) updateBracketMarks(editor, brackets.items)
  }, [editor, brackets.items])
  const openAmendments = amendments.amendments.filter((amendment) => amendment.status === 'pending' || amendment.status === 'needs-update').length
  return (
    <WorkspaceLayout
      bar={
        <>
          {lock && (
            <p className="lock-banner" role="status">
              <Trans t={t} i18nKey="declaration.locked" components={{ strong: <strong />, version: <bdi dir="auto">{lock.name}</bdi> }} />
            </p>
          )}
          <SaveIndicator status={sync.ready ? status : { kind: 'connecting' }} readOnly={!canEdit} />
          {editor && canSuggest && <SuggestionBar editor={editor} delegation={identity.delegation} forced={forced} suggesting={suggesting} onSuggesting={setSuggestingChosen} onPropose={amendments.propose} />}
          {editor && canSuggest && <ParagraphProposal editor={editor} onPropose={amendments.propose} />}
          {editor && editable && <Toolbar editor={editor} marksOnly={suggesting} />}
          <MarksToggle amendments={amendments.amendments} shown={marksShown} onChange={setMarksShown} />
        </>
      }
      side={(hide) => (
        <>
          <PresenceList provider={sync.provider} />
          {editor && (
            <SideTabs
              shown={sideView}
              onShow={setSideView}
              views={[
                { id: 'comments', name: t('declaration.tabs.comments'), content: <CommentsPanel editor={editor} declaration={access.name} channel={sync.channel} identity={identity} role={access.role} onShowInText={hide} /> },
                {
                  id: 'amendments',
                  name: t('declaration.tabs.amendments'),
                  count: t('declaration.tabs.open', { count: openAmendments }),
                  content: <AmendmentsPanel editor={editor} amendments={amendments} identity={identity} role={access.role} focused={focusedAmendment} onFocus={setFocusedAmendment} onShowInText={hide} />,
                },
                { id: 'brackets', name: t('declaration.tabs.brackets'), count: bracketsSummary(brackets), content: <BracketsPanel editor={editor} brackets={brackets} role={access.role} onShowInText={hide} /> },
                { id: 'progress', name: t('paragraphStatus.heading'), content: <StatusPanel doc={sync.doc} statuses={statuses} amendments={amendments.amendments} brackets={brackets.items} role={access.role} /> },
              ]}
            />
          )}
        </>
      )}
    >
      {modeSlot && createPortal(<DraftingModeControl declaration={access.name} mode={mode} canSet={can(access.role, 'mode.set')} />, modeSlot)}
      <SilenceSection access={access} channel={sync.channel} identity={identity} />
      {!sync.ready && <p role="status">{t('declaration.loadingText')}</p>}
      <TextReplacedNotice sync={sync} />
      <DraftNotice drafts={sync.drafts} />
      <ClosedParagraphNotice editor={editor} />
      <EditTooLargeNotice>
        <DeclarationEditor editor={editor} editable={editable} ready={sync.ready} />
      </EditTooLargeNotice>
      {/* After the text, so that Tab from the toolbar goes into the text and the setting comes next. */}
      <Announcements declaration={access.name} sync={sync} editor={editor} identity={identity} />
    </WorkspaceLayout>
  )
}

/** The version the draft is locked on, as the server last said; null when it is open for editing. */
function useLock(sync: DeclarationSync): { id: string; name: string } | null {
  const [lock, setLock] = useState<{ id: string; name: string } | null>(() => (sync.channel.lastLock?.locked ? sync.channel.lastLock.version : null))
  useEffect(
    () =>
      sync.channel.subscribe((message) => {
        if (message.type === 'lock') setLock(message.locked ? message.version : null)
      }),
    [sync.channel],
  )
  return lock
}

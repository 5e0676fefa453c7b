import { useEffect, useState } from 'react';
import { gql, useSubscription } from '../lib/graphql.js';
import { useMutation, useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { Proposal } from './Proposal.jsx';
import { Timeline } from './Timeline.jsx';
import { LevelAndClose } from './LevelAndClose.jsx';
import { Replay } from './Replay.jsx';
import { IncidentJurisdiction } from '../jurisdictions/IncidentJurisdiction.jsx';
import { ReportsPanel } from './ReportsPanel.jsx';
import { useProposalLines } from './lines.js';
import { APPROVE, INCIDENT, INCIDENT_CHANGED, PROPOSE, UNIT_CHANGED } from './documents.js';

/** The incident room: propose, see it on the map, exclude, approve; follow the units, the timeline; grade, close, replay. */
export function IncidentRoom({ id, map, user, onClose }) {
  const t = useT();
  const incident = useQuery(INCIDENT, { id });
  const [proposal, setProposal] = useState(null);
  const [excluded, setExcluded] = useState([]);
  const [unitStatus, setUnitStatus] = useState({});
  const [replayAt, setReplayAt] = useState(null);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const [propose, proposing] = useMutation(PROPOSE, 'proposeDispatch');
  const [approve, approving] = useMutation(APPROVE, 'approveDispatch');
  const data = incident.data?.node;

  useEffect(() => {
    if (data?.latestProposal?.status === 'PROPOSED' && !proposal) setProposal(data.latestProposal);
  }, [data]);
  useEffect(() => { setProposal(null); setExcluded([]); setReplayAt(null); }, [id]);

  useSubscription(INCIDENT_CHANGED, { id }, () => { incident.refetch(); setTimelineVersion((v) => v + 1); });
  useSubscription(UNIT_CHANGED, null, ({ unitChanged: u }) => setUnitStatus((s) => ({ ...s, [u.id]: u.status })));
  useProposalLines(map, replayAt ? null : data, replayAt ? null : proposal, excluded);

  useEffect(() => {
    if (data) map.easeTo({ center: [data.location.lon, data.location.lat], zoom: Math.max(map.getZoom(), 11.5), padding: { right: 440, left: 240 } });
  }, [data?.id]);

  if (!data) return <aside className="panel right wide" aria-label={t('room.title')}><Loading when={incident.loading} /><GeneralErrors general={incident.error ? [incident.error.message] : []} /></aside>;

  const mayCommand = user.role === 'commander' || user.role === 'admin';
  const open = data.status !== 'CLOSED';
  const statusOf = (unit) => unitStatus[unit.id] ?? unit.status;
  const doPropose = async () => {
    // Asking again leaves out what the commander ticked: the next nearest come instead.
    const payload = await propose({ incidentId: id, excluding: excluded });
    if (payload) setProposal(payload.proposal);
  };
  const doApprove = async () => {
    const payload = await approve({ proposalId: proposal.id, excluding: excluded });
    if (payload) { setProposal(null); setExcluded([]); incident.refetch(); }
  };

  return (
    <aside className="panel right wide" aria-label={t('room.title')}>
      <header>
        <h2>{t('room.title')}: {data.title}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>×</button>
      </header>
      <p>{t(`incidentKind.${data.kind}`)} · {t(`level.${data.level}`)} · <span className={`badge status-${data.status}`}>{t(`incidentStatus.${data.status}`)}</span></p>
      <p className="hint">{t('room.reported', { at: formatTime(data.reportedAt), by: data.reportedBy })}</p>
      <IncidentJurisdiction id={id} />
      {mayCommand && open && (
        <div className="actions">
          <button type="button" onClick={doPropose} disabled={proposing.busy}>{proposing.busy ? t('working') : proposal ? t('room.proposeAgain') : t('room.propose')}</button>
          {proposal && <button type="button" className="primary" onClick={doApprove} disabled={approving.busy}>{approving.busy ? t('working') : t('room.approve')}</button>}
        </div>
      )}
      <GeneralErrors general={[...proposing.general, ...approving.general, ...Object.values(approving.errors), ...Object.values(proposing.errors)]} />
      {proposal && <Proposal proposal={proposal} excluded={excluded} setExcluded={setExcluded} statusOf={statusOf} />}
      {data.assignedUnits.length > 0 && (
        <section aria-label={t('room.assigned')}>
          <h3>{t('room.assigned')}</h3>
          <ul className="list">
            {data.assignedUnits.map((u) => (
              <li key={u.id}>{u.name} <span className={`badge unit-${statusOf(u)}`}>{t(`status.${statusOf(u)}`)}</span></li>
            ))}
          </ul>
        </section>
      )}
      {mayCommand && open && <LevelAndClose incident={data} onChanged={incident.refetch} />}
      {user.role !== 'partner' && <ReportsPanel incident={data} user={user} version={timelineVersion} />}
      <Replay incident={data} map={map} at={replayAt} setAt={setReplayAt} />
      <Timeline id={id} version={timelineVersion} />
    </aside>
  );
}

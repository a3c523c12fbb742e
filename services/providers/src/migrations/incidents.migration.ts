import { Migration } from '@platform/persistence';

const AUDIT_COLUMNS = `
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()`;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

const INCIDENT_TYPES = [
  'accident',
  'assault',
  'abuse',
  'neglect',
  'missing-client',
  'property-damage',
  'medication-error',
  'self-harm',
  'other',
];
const INCIDENT_CATEGORIES = [
  'client-to-client',
  'staff-to-client',
  'client-to-staff',
  'staff-to-staff',
  'other',
];
const CLOSE_REASONS = ['substantiated', 'unsubstantiated', 'withdrawn', 'requires-investigation'];
const INVESTIGATION_TYPES = [
  'child-welfare',
  'authorization-violation',
  'licensing',
  'benefit-fraud',
  'other',
];
const INVESTIGATION_OUTCOMES = ['substantiated', 'unsubstantiated', 'inconclusive', 'withdrawn'];

/**
 * INC-1…INC-4: incidents with their participants, injuries, restraints and staff actions, and
 * investigations linked to incidents. Participants and investigation links may be created in the
 * same unit of work as their incident or investigation, so those rows carry no foreign key to it;
 * every other reference points at rows that exist before the request (providers, groups,
 * members, incidents, participants). Every list filter has an index.
 */
class Incidents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table incident (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        reported_by_group_id uuid null references provider_group (id),
        reported_at timestamptz not null,
        occurred_on date not null,
        location text not null,
        description text not null,
        type text not null check (type in (${list(INCIDENT_TYPES)})),
        category text not null check (category in (${list(INCIDENT_CATEGORIES)})),
        severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
        status text not null default 'open' check (status in ('open', 'closed')),
        close_reason text null check (close_reason in (${list(CLOSE_REASONS)})),
        close_notes text null,
        closed_at timestamptz null,
        closed_by text null,
        reopen_reason text null,${AUDIT_COLUMNS},
        -- INC-2: an incident is closed exactly when it has a close reason
        constraint incident_close_reason check ((status = 'closed') = (close_reason is not null))
      )`);
    this.addSql(
      'create index incident_occurred on incident (occurred_on desc, reported_at desc, id)',
    );
    this.addSql('create index incident_provider on incident (provider_id, occurred_on)');
    this.addSql(
      'create index incident_group on incident (reported_by_group_id, occurred_on) where reported_by_group_id is not null',
    );
    this.addSql('create index incident_status on incident (status, close_reason, occurred_on)');
    this.addSql('create index incident_type on incident (type, occurred_on)');
    this.addSql('create index incident_category on incident (category, occurred_on)');
    this.addSql('create index incident_severity on incident (severity, occurred_on)');

    this.addSql(`
      create table incident_participant (
        id uuid primary key,
        incident_id uuid not null,
        position integer not null,
        kind text not null check (kind in ('provider', 'member', 'client', 'other')),
        role text not null check (role in ('victim', 'perpetrator', 'reporter', 'witness', 'other')),
        provider_id uuid null references provider (id),
        member_id uuid null references member (id),
        client_reference_id text null,
        name text not null,${AUDIT_COLUMNS},
        constraint incident_participant_identity check (
          (kind = 'provider') = (provider_id is not null)
          and (kind = 'member') = (member_id is not null)
          and (kind = 'client') = (client_reference_id is not null)),
        constraint incident_participant_position unique (incident_id, position)
      )`);
    // INC-1: the same person in the same role once per incident (the service explains a clash first)
    this.addSql(`
      create unique index incident_participant_once on incident_participant (
        incident_id, role, kind,
        coalesce(provider_id::text, member_id::text, client_reference_id, lower(name)))`);
    this.addSql(
      "create index incident_participant_provider on incident_participant (provider_id, incident_id) where kind = 'provider'",
    );
    this.addSql(
      "create index incident_participant_member on incident_participant (member_id) where kind = 'member'",
    );
    this.addSql(
      "create index incident_participant_client on incident_participant (client_reference_id) where kind = 'client'",
    );

    this.addSql(`
      create table incident_injury (
        id uuid primary key,
        incident_id uuid not null references incident (id),
        victim_participant_id uuid not null references incident_participant (id),
        severity text not null check (severity in ('minor', 'moderate', 'severe', 'critical')),
        cause text not null,
        responsible_participant_id uuid null references incident_participant (id),
        actions_taken text null,${AUDIT_COLUMNS}
      )`);
    this.addSql('create index incident_injury_incident on incident_injury (incident_id)');

    this.addSql(`
      create table incident_restraint (
        id uuid primary key,
        incident_id uuid not null references incident (id),
        member_participant_id uuid not null references incident_participant (id),
        restrained_participant_id uuid not null references incident_participant (id),
        kind text not null check (kind in ('physical', 'mechanical', 'chemical')),
        started_at timestamptz not null,
        -- INC-1: a restraint lasts a defined time
        duration_minutes integer not null check (duration_minutes > 0),${AUDIT_COLUMNS}
      )`);
    this.addSql('create index incident_restraint_incident on incident_restraint (incident_id)');

    this.addSql(`
      create table incident_staff_action (
        id uuid primary key,
        incident_id uuid not null references incident (id),
        member_participant_id uuid not null references incident_participant (id),
        action text not null check (action in
          ('reprimand', 'suspension-letter', 'training', 'dismissal', 'other')),
        taken_on date not null,
        notes text null,${AUDIT_COLUMNS}
      )`);
    this.addSql(
      'create index incident_staff_action_incident on incident_staff_action (incident_id)',
    );

    this.addSql(`
      create table investigation (
        id uuid primary key,
        provider_id uuid not null references provider (id),
        type text not null check (type in (${list(INVESTIGATION_TYPES)})),
        allegation text not null,
        opened_on date not null,
        assigned_investigator_id text null,
        status text not null default 'open' check (status in ('open', 'closed')),
        outcome text null check (outcome in (${list(INVESTIGATION_OUTCOMES)})),
        findings text null,
        closed_on date null,
        closed_by text null,${AUDIT_COLUMNS},
        -- INC-4: a closed investigation has its outcome, findings and closing day; an open one none
        constraint investigation_closed check (
          (status = 'closed') = (outcome is not null)
          and (outcome is null) = (findings is null)
          and (outcome is null) = (closed_on is null)),
        constraint investigation_closed_after_opened check (closed_on is null or closed_on >= opened_on)
      )`);
    this.addSql('create index investigation_opened on investigation (opened_on desc, id)');
    this.addSql(
      'create index investigation_provider on investigation (provider_id, status, opened_on)',
    );
    this.addSql('create index investigation_type on investigation (type, opened_on)');
    this.addSql('create index investigation_status on investigation (status, outcome, opened_on)');
    this.addSql(
      'create index investigation_investigator on investigation (assigned_investigator_id) where assigned_investigator_id is not null',
    );

    this.addSql(`
      create table investigation_incident (
        id uuid primary key,
        investigation_id uuid not null,
        incident_id uuid not null references incident (id),
        linked_by text not null,
        linked_at timestamptz not null default now(),
        constraint investigation_incident_once unique (investigation_id, incident_id)
      )`);
    this.addSql(
      'create index investigation_incident_incident on investigation_incident (incident_id)',
    );
  }
}

export const incidentsMigration = {
  name: 'Migration20261122001400_incidents_investigations',
  class: Incidents,
};

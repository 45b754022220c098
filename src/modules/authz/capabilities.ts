import { OrganisationKind } from '../organisation/organisation.enums';
import { Role } from '../user/user.enums';

/**
 * What each role may do, as data: the one table that the shield rules (`requires` in src/common/rules.ts), the
 * services' checks, the `viewerCan*` fields and the SQL read filters of the policies all ask. A capability is held
 * over ALL rows of its kind or over the holder's OWN: its own countries for country data, its own organisation for
 * an organisation's users, keys and webhooks. Which row is the holder's own, and which state of a row allows what,
 * is the business of each resource's policy (`*.policy.ts`); whether the role may do it at all is said here only.
 */
export enum Capability {
  /** Read assessments in DRAFT. */
  ASSESSMENT_READ_DRAFT = 'assessment.read.draft',
  /** Read assessments under review: SUBMITTED and CHANGES_REQUESTED. */
  ASSESSMENT_READ_IN_REVIEW = 'assessment.read.inReview',
  /** Read APPROVED assessments, and PUBLISHED ones whatever their cycle's status. */
  ASSESSMENT_READ_APPROVED = 'assessment.read.approved',
  /** Read PUBLISHED assessments of published cycles: what the public reads. */
  ASSESSMENT_READ_PUBLISHED = 'assessment.read.published',
  /** Change an assessment's answer and narrative, and its evidence and files. */
  ASSESSMENT_EDIT = 'assessment.edit',
  /** Submit an assessment for review. */
  ASSESSMENT_SUBMIT = 'assessment.submit',
  /** Approve, request changes and reopen. */
  ASSESSMENT_REVIEW = 'assessment.review',
  /** Read the history of an assessment and who did what on it (people, not API keys). */
  ASSESSMENT_WORK_READ = 'assessment.work.read',
  /** Read INTERNAL evidence. */
  EVIDENCE_READ_INTERNAL = 'evidence.read.internal',
  /** Read PARTNERS evidence. */
  EVIDENCE_READ_PARTNERS = 'evidence.read.partners',
  /** Read PUBLIC evidence. */
  EVIDENCE_READ_PUBLIC = 'evidence.read.public',
  /** Read review comments. */
  COMMENT_READ = 'comment.read',
  /** Write and resolve review comments. */
  COMMENT_WRITE = 'comment.write',
  /** Create monitoring cycles and move them through their states. */
  CYCLE_MANAGE = 'cycle.manage',
  /** Create and change organisations. */
  ORGANISATION_MANAGE = 'organisation.manage',
  /** Change frameworks, versions, areas, indicators, standards and translations. */
  FRAMEWORK_EDIT = 'framework.edit',
  /** Read draft framework versions and what hangs below them. */
  FRAMEWORK_READ_DRAFT = 'framework.read.draft',
  /** Invite and deactivate users. */
  USER_ADMIN = 'user.admin',
  /** Read users' e-mail addresses (each user reads its own anyway). */
  USER_EMAIL_READ = 'user.email.read',
  /** Read an organisation's members. */
  USER_MEMBERS_READ = 'user.members.read',
  /** Create, list and revoke API keys. */
  API_KEY_MANAGE = 'apiKey.manage',
  /** Register, change, delete webhooks and rotate their secrets. */
  WEBHOOK_MANAGE = 'webhook.manage',
  /** Read webhooks and their deliveries. */
  WEBHOOK_READ = 'webhook.read',
  /** Read the history of records other than assessments (users, keys, webhooks). */
  AUDIT_READ_ALL = 'audit.read.all',
  /** Read a country's recommendations register, whatever its follow-ups' states. */
  RECOMMENDATION_READ = 'recommendation.read',
  /** Record and change a country's recommendations. */
  RECOMMENDATION_EDIT = 'recommendation.edit',
  /** Record a source of recommendations: for a country (OWN or ALL), or for several countries (ALL only). */
  RECOMMENDATION_SOURCE_CREATE = 'recommendation.source.create',
  /** Read the progress of a cycle per country (the coordinators' weekly view). */
  PROGRESS_READ = 'progress.read',
  /** Read an assessment's breakdown cells exactly, small counts included (others read them suppressed). */
  BREAKDOWN_READ_EXACT = 'breakdown.read.exact',
}

/** Over which rows a capability is held: every one, or the holder's own (countries or organisation). */
export enum Scope {
  ALL = 'ALL',
  OWN = 'OWN',
}

export interface CapabilityDefinition {
  /** What OWN means for it: the holder's countries, its organisation, or nothing (then only ALL is granted). */
  over: 'country' | 'organisation' | 'platform';
  /**
   * Whether an API key holds it when its organisation's role does. Keys read and write nothing else: every write,
   * and every read of people's names, e-mail addresses and work, is for people signed in as themselves.
   */
  apiKeys: boolean;
}

const read = (over: CapabilityDefinition['over']): CapabilityDefinition => ({ over, apiKeys: true });
const people = (over: CapabilityDefinition['over']): CapabilityDefinition => ({ over, apiKeys: false });

export const CAPABILITIES: Record<Capability, CapabilityDefinition> = {
  [Capability.ASSESSMENT_READ_DRAFT]: read('country'),
  [Capability.ASSESSMENT_READ_IN_REVIEW]: read('country'),
  [Capability.ASSESSMENT_READ_APPROVED]: read('country'),
  [Capability.ASSESSMENT_READ_PUBLISHED]: read('country'),
  [Capability.ASSESSMENT_EDIT]: people('country'),
  [Capability.ASSESSMENT_SUBMIT]: people('country'),
  [Capability.ASSESSMENT_REVIEW]: people('country'),
  [Capability.ASSESSMENT_WORK_READ]: people('country'),
  [Capability.EVIDENCE_READ_INTERNAL]: read('country'),
  [Capability.EVIDENCE_READ_PARTNERS]: read('country'),
  [Capability.EVIDENCE_READ_PUBLIC]: read('country'),
  [Capability.COMMENT_READ]: read('country'),
  [Capability.COMMENT_WRITE]: people('country'),
  [Capability.CYCLE_MANAGE]: people('platform'),
  [Capability.ORGANISATION_MANAGE]: people('platform'),
  [Capability.FRAMEWORK_EDIT]: people('platform'),
  [Capability.FRAMEWORK_READ_DRAFT]: read('platform'),
  [Capability.USER_ADMIN]: people('organisation'),
  [Capability.USER_EMAIL_READ]: people('organisation'),
  [Capability.USER_MEMBERS_READ]: people('organisation'),
  [Capability.API_KEY_MANAGE]: people('organisation'),
  [Capability.WEBHOOK_MANAGE]: people('organisation'),
  [Capability.WEBHOOK_READ]: read('organisation'),
  [Capability.AUDIT_READ_ALL]: people('platform'),
  [Capability.RECOMMENDATION_READ]: read('country'),
  [Capability.RECOMMENDATION_EDIT]: people('country'),
  [Capability.RECOMMENDATION_SOURCE_CREATE]: people('country'),
  [Capability.PROGRESS_READ]: people('country'),
  [Capability.BREAKDOWN_READ_EXACT]: people('country'),
};

export type Grants = Partial<Record<Capability, Scope>>;

export interface RoleProfile {
  /** The kinds of organisation whose users may have the role. */
  organisationKinds: readonly OrganisationKind[];
  grants: Grants;
}

const { ALL, OWN } = Scope;

/** A partner's members all read their own countries' work in any state, and others' once approved. */
const PARTNER_READS: Grants = {
  [Capability.ASSESSMENT_READ_DRAFT]: OWN,
  [Capability.ASSESSMENT_READ_IN_REVIEW]: OWN,
  [Capability.ASSESSMENT_READ_APPROVED]: ALL,
  [Capability.ASSESSMENT_WORK_READ]: OWN,
  [Capability.EVIDENCE_READ_INTERNAL]: OWN,
  [Capability.EVIDENCE_READ_PARTNERS]: ALL,
  [Capability.COMMENT_READ]: OWN,
  [Capability.USER_MEMBERS_READ]: OWN,
  [Capability.RECOMMENDATION_READ]: OWN,
  [Capability.BREAKDOWN_READ_EXACT]: OWN,
};

const PARTNER_WRITES: Grants = {
  [Capability.ASSESSMENT_EDIT]: OWN,
  [Capability.COMMENT_WRITE]: OWN,
  [Capability.RECOMMENDATION_EDIT]: OWN,
  [Capability.RECOMMENDATION_SOURCE_CREATE]: OWN,
};

/** The table: roles × capabilities. A role holds nothing it is not given here (besides what everyone holds). */
export const ROLES: Record<Role, RoleProfile> = {
  [Role.ADMIN]: {
    organisationKinds: [OrganisationKind.PLATFORM],
    grants: {
      [Capability.ASSESSMENT_READ_DRAFT]: ALL,
      [Capability.ASSESSMENT_READ_IN_REVIEW]: ALL,
      [Capability.ASSESSMENT_READ_APPROVED]: ALL,
      [Capability.ASSESSMENT_WORK_READ]: ALL,
      [Capability.EVIDENCE_READ_INTERNAL]: ALL,
      [Capability.EVIDENCE_READ_PARTNERS]: ALL,
      [Capability.COMMENT_READ]: ALL,
      [Capability.CYCLE_MANAGE]: ALL,
      [Capability.ORGANISATION_MANAGE]: ALL,
      [Capability.FRAMEWORK_EDIT]: ALL,
      [Capability.FRAMEWORK_READ_DRAFT]: ALL,
      [Capability.USER_ADMIN]: ALL,
      [Capability.USER_EMAIL_READ]: ALL,
      [Capability.USER_MEMBERS_READ]: ALL,
      [Capability.API_KEY_MANAGE]: ALL,
      [Capability.WEBHOOK_MANAGE]: ALL,
      [Capability.WEBHOOK_READ]: ALL,
      [Capability.AUDIT_READ_ALL]: ALL,
      [Capability.RECOMMENDATION_READ]: ALL,
      [Capability.RECOMMENDATION_SOURCE_CREATE]: ALL,
      [Capability.PROGRESS_READ]: ALL,
      [Capability.BREAKDOWN_READ_EXACT]: ALL,
    },
  },
  [Role.REVIEWER]: {
    organisationKinds: [OrganisationKind.REVIEWER],
    grants: {
      [Capability.ASSESSMENT_READ_IN_REVIEW]: ALL,
      [Capability.ASSESSMENT_READ_APPROVED]: ALL,
      [Capability.ASSESSMENT_REVIEW]: ALL,
      [Capability.ASSESSMENT_WORK_READ]: ALL,
      [Capability.EVIDENCE_READ_INTERNAL]: ALL,
      [Capability.EVIDENCE_READ_PARTNERS]: ALL,
      [Capability.COMMENT_READ]: ALL,
      [Capability.COMMENT_WRITE]: ALL,
      [Capability.USER_MEMBERS_READ]: ALL,
      [Capability.WEBHOOK_MANAGE]: OWN,
      [Capability.WEBHOOK_READ]: OWN,
      [Capability.RECOMMENDATION_READ]: ALL,
      [Capability.PROGRESS_READ]: ALL,
      [Capability.BREAKDOWN_READ_EXACT]: ALL,
    },
  },
  [Role.COUNTRY_LEAD]: {
    organisationKinds: [OrganisationKind.PARTNER],
    grants: {
      ...PARTNER_READS,
      ...PARTNER_WRITES,
      [Capability.ASSESSMENT_SUBMIT]: OWN,
      [Capability.PROGRESS_READ]: OWN,
      [Capability.USER_ADMIN]: OWN,
      [Capability.USER_EMAIL_READ]: OWN,
      [Capability.API_KEY_MANAGE]: OWN,
      [Capability.WEBHOOK_MANAGE]: OWN,
      [Capability.WEBHOOK_READ]: OWN,
    },
  },
  [Role.COUNTRY_EDITOR]: {
    organisationKinds: [OrganisationKind.PARTNER],
    grants: { ...PARTNER_READS, ...PARTNER_WRITES },
  },
  [Role.COUNTRY_VIEWER]: {
    organisationKinds: [OrganisationKind.PARTNER],
    grants: PARTNER_READS,
  },
  [Role.FRAMEWORK_EDITOR]: {
    organisationKinds: [OrganisationKind.PLATFORM],
    grants: {
      [Capability.FRAMEWORK_EDIT]: ALL,
      [Capability.FRAMEWORK_READ_DRAFT]: ALL,
      [Capability.USER_MEMBERS_READ]: OWN,
    },
  },
};

/** What everyone holds, signed in or not: the published results. */
export const EVERYONE: Grants = {
  [Capability.ASSESSMENT_READ_PUBLISHED]: ALL,
  [Capability.EVIDENCE_READ_PUBLIC]: ALL,
};

/** What every API key holds whatever its organisation: reading its organisation's webhooks and their log. */
export const EVERY_API_KEY: Grants = {
  [Capability.WEBHOOK_READ]: OWN,
};

/** The roles a user of an organisation of `kind` may have. */
export function rolesForOrganisationKind(kind: OrganisationKind): Role[] {
  return (Object.keys(ROLES) as Role[]).filter((role) => ROLES[role].organisationKinds.includes(kind));
}

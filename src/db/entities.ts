import { Assessment } from '../modules/assessment/assessment.entity';
import { AuditEvent } from '../modules/audit/audit.entity';
import { Country } from '../modules/country/country.entity';
import { MonitoringCycle } from '../modules/cycle/cycle.entity';
import { Edition } from '../modules/edition/edition.entity';
import { Evidence } from '../modules/evidence/evidence.entity';
import { ApiKey } from '../modules/api-key/api-key.entity';
import { Area, Framework, FrameworkVersion, ScoreLevel } from '../modules/framework/framework.entity';
import { Indicator, IndicatorStandard } from '../modules/indicator/indicator.entity';
import { Organisation, OrganisationCountry } from '../modules/organisation/organisation.entity';
import { RecommendationFollowUp } from '../modules/recommendation/follow-up.entity';
import { Recommendation } from '../modules/recommendation/recommendation.entity';
import { RecommendationSource } from '../modules/recommendation/recommendation-source.entity';
import { ReviewComment } from '../modules/review-comment/review-comment.entity';
import { Standard } from '../modules/standard/standard.entity';
import { Membership, User } from '../modules/user/user.entity';
import {
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookSubscription,
} from '../modules/webhook/webhook.entity';

export const entities = [
  Country,
  Organisation,
  OrganisationCountry,
  User,
  Membership,
  Framework,
  FrameworkVersion,
  Area,
  ScoreLevel,
  Standard,
  Indicator,
  IndicatorStandard,
  MonitoringCycle,
  Assessment,
  Evidence,
  ReviewComment,
  AuditEvent,
  ApiKey,
  Edition,
  WebhookSubscription,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  RecommendationSource,
  Recommendation,
  RecommendationFollowUp,
];

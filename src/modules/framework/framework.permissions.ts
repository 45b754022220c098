import { allow } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { fieldsWithRule, publicRead } from '../../common/permissions';
import { requires } from '../../common/rules';
import { Capability } from '../authz/capabilities';

const frameworkEditor = requires(Capability.FRAMEWORK_EDIT);

// Draft versions are filtered out of reads in the service for everyone but framework editors and admins.
export const frameworkPermissions: IRules = {
  Query: { frameworks: publicRead, framework: publicRead, frameworkVersion: publicRead },
  Mutation: {
    frameworkCreate: frameworkEditor,
    frameworkVersionCreate: frameworkEditor,
    frameworkVersionPublish: frameworkEditor,
    areaCreate: frameworkEditor,
    areaUpdate: frameworkEditor,
    areaDelete: frameworkEditor,
    translationSet: frameworkEditor,
  },
  Framework: publicRead,
  FrameworkVersion: {
    ...fieldsWithRule(
      publicRead,
      'id',
      'label',
      'status',
      'publishedAt',
      'createdAt',
      'updatedAt',
      'isFrozen',
    ),
    ...fieldsWithRule(publicRead, 'framework', 'areas', 'scoreLevels', 'indicators', 'cycles'),
    missingTranslations: frameworkEditor,
  },
  Area: publicRead,
  ScoreLevel: publicRead,
  MissingTranslation: allow,
  FrameworkCreatePayload: allow,
  FrameworkVersionCreatePayload: allow,
  FrameworkVersionPublishPayload: allow,
  AreaCreatePayload: allow,
  AreaUpdatePayload: allow,
  AreaDeletePayload: allow,
  TranslationSetPayload: allow,
};

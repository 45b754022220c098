import type { IRules } from 'graphql-shield';
import { publicRead } from '../../common/permissions';

export const frameworkPermissions: IRules = {
  Query: { frameworks: publicRead, framework: publicRead, frameworkVersion: publicRead },
  Framework: publicRead,
  FrameworkVersion: publicRead,
  Area: publicRead,
  ScoreLevel: publicRead,
};

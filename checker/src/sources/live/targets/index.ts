/** Target capability profiles: which live target a check runs against and which services it emulates. */
export { detectTarget, servicesFromHealth, type Probe } from './detect';
export {
  AWS_PROFILE,
  LOCALSTACK_FREE_SERVICES,
  LOCALSTACK_PAID_SERVICES,
  MOTO_SERVICES,
  MOTO_UNSUPPORTED_TYPES,
  missingResourceType,
  missingService,
  skipReason,
  type TargetId,
  type TargetProfile,
} from './profiles';

import { CORS_RULES } from './cors-rules.ts';
import { CRYPTO_RULES } from './crypto-rules.ts';
import { DESERIALIZE_RULES } from './deserialize-rules.ts';
import { EXEC_RULES } from './exec-rules.ts';
import { PERMISSION_RULES } from './permission-rules.ts';
import type { ScanRule } from './scan-rule.ts';
import { SECRET_ASSIGNMENT_RULE } from './secret-assignment-rule.ts';
import { SECRET_RULES } from './secret-rules.ts';
import { SQL_RULES } from './sql-rules.ts';
import { TLS_RULES } from './tls-rules.ts';
import { WEB_RULES } from './web-rules.ts';

/** Every rule of the deterministic security scanner, secrets first. Ids are unique. */
export const RULES: readonly ScanRule[] = Object.freeze([
  ...SECRET_RULES,
  SECRET_ASSIGNMENT_RULE,
  ...TLS_RULES,
  ...EXEC_RULES,
  ...SQL_RULES,
  ...CORS_RULES,
  ...PERMISSION_RULES,
  ...WEB_RULES,
  ...CRYPTO_RULES,
  ...DESERIALIZE_RULES,
]);

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import claimReviewSchema from '../../../resources/schemas/claimreview.schema.json' with { type: 'json' };
import { describeAjvErrors } from './ajv-errors.js';

/**
 * Copydesk's JSON Schema for ClaimReview (resources/schemas/claimreview.schema.json, whose description says which
 * property schema.org, Google and Copydesk each require), compiled on first use and kept.
 */
let compiled: ValidateFunction | null = null;

// ajv-formats is CommonJS; `default` is the plugin under both Node's and esbuild's interop.
const addFormats = addFormatsModule.default;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  compiled = ajv.compile(claimReviewSchema);
  return compiled;
}

/** Every way `doc` breaks the schema, one readable line each; empty when it is valid. */
export function validateClaimReview(doc: unknown): string[] {
  const validate = validator();
  return validate(doc) ? [] : describeAjvErrors(validate.errors);
}

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import geojsonSchema from '../../../resources/schemas/GeoJSON-schema.json' with { type: 'json' };
import ninjsSchema from '../../../resources/schemas/ninjs-schema_3.1.json' with { type: 'json' };
import { describeAjvErrors } from './ajv-errors.js';

/**
 * IPTC's own setup (validation/javascript.sh in iptc/newsinjson): Ajv's draft 2020-12 validator, ajv-formats for
 * `uri` and `date-time`, and the GeoJSON schema registered under its `$id` so that `places[].geoJSON` resolves
 * offline. `strict: false` because the published schema carries annotations Ajv's strict mode rejects.
 *
 * The schemas are imported, not read from disk, so the bundled app carries them and a validator can never be
 * built against a missing or different file.
 */
let compiled: ValidateFunction | null = null;

// ajv-formats is CommonJS; `default` is the plugin under both Node's and esbuild's interop.
const addFormats = addFormatsModule.default;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(geojsonSchema);
  compiled = ajv.compile(ninjsSchema);
  return compiled;
}

/** Every way `doc` breaks ninjs 3.1, one readable line each; empty when it is valid. */
export function validateNinjs(doc: unknown): string[] {
  const validate = validator();
  return validate(doc) ? [] : describeAjvErrors(validate.errors);
}

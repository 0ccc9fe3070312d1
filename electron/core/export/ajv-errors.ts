import type { ErrorObject } from 'ajv';

/** One readable line per Ajv error: where in the document, what is wrong, and the offending key if any. */
export function describeAjvErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(document)' : e.instancePath;
    const params = e.params as Record<string, unknown>;
    const key = params.additionalProperty ?? params.unevaluatedProperty ?? params.missingProperty;
    const named = typeof key === 'string' && !(e.message ?? '').includes(`'${key}'`) ? ` ("${key}")` : '';
    return `${where} ${e.message ?? e.keyword}${named}`;
  });
}

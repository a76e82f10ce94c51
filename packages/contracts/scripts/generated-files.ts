import { stringify } from 'yaml';
import { eventCatalog } from '../src/catalog.ts';
import { asyncApiDocument, envelopeJsonSchema, eventJsonSchema } from '../src/json-schema.ts';

/** Every committed generated file, path relative to `generated/` → content. */
export const generatedFiles = (): Map<string, string> => {
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  files.set('schemas/cloudevent.json', json(envelopeJsonSchema()));
  for (const type of Object.keys(eventCatalog).sort()) files.set(`schemas/${type}.json`, json(eventJsonSchema(type)));
  files.set('asyncapi.yaml', stringify(asyncApiDocument(), { aliasDuplicateObjects: false }));
  return files;
};

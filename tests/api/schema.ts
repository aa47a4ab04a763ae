/**
 * A small JSON Schema check for the OpenAPI document's schemas (the keywords it uses: $ref, allOf,
 * oneOf, type, enum, properties, required, items, additionalProperties, pattern, minimum, maximum),
 * so tests can hold the API's real answers and the document's examples to what it documents.
 */
type Schema = Record<string, unknown>;

const typeOf = (value: unknown): string =>
	value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

/** Problems of `value` against `schema` (empty when it conforms); `$ref`s resolve in `root`. */
export function schemaErrors(root: Schema, schema: Schema, value: unknown, at = '$'): string[] {
	if (typeof schema.$ref === 'string') {
		const target = (schema.$ref as string)
			.replace(/^#\//, '')
			.split('/')
			.reduce<Schema | undefined>((node, key) => node?.[key] as Schema | undefined, root);
		if (!target) return [`${at}: référence ${schema.$ref} introuvable`];
		return schemaErrors(root, target, value, at);
	}
	const errors: string[] = [];
	if (Array.isArray(schema.allOf)) for (const part of schema.allOf as Schema[]) errors.push(...schemaErrors(root, part, value, at));
	if (Array.isArray(schema.oneOf)) {
		const passing = (schema.oneOf as Schema[]).filter((part) => schemaErrors(root, part, value, at).length === 0).length;
		if (passing !== 1) errors.push(`${at}: ${passing} branches de oneOf acceptent ${JSON.stringify(value)?.slice(0, 80)}`);
	}
	if (schema.type !== undefined) {
		const types = ([] as string[]).concat(schema.type as string | string[]);
		const actual = typeOf(value);
		if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
			return [...errors, `${at}: type ${actual}, attendu ${types.join(' | ')}`];
		}
	}
	if (Array.isArray(schema.enum) && !(schema.enum as unknown[]).includes(value)) errors.push(`${at}: ${JSON.stringify(value)} hors de l’énumération`);
	if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) {
		errors.push(`${at}: « ${value} » ne suit pas ${schema.pattern}`);
	}
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: ${value} < ${schema.minimum}`);
		if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: ${value} > ${schema.maximum}`);
	}
	if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...schemaErrors(root, schema.items as Schema, item, `${at}[${i}]`)));
	if (typeOf(value) === 'object') {
		const object = value as Record<string, unknown>;
		for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${at}: « ${key} » manque`);
		const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
		for (const [key, item] of Object.entries(object)) {
			if (properties[key]) errors.push(...schemaErrors(root, properties[key], item, `${at}.${key}`));
			else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
				errors.push(...schemaErrors(root, schema.additionalProperties as Schema, item, `${at}.${key}`));
			}
		}
	}
	return errors;
}

/** Every property a value holds that the schema (through allOf/oneOf/$ref) does not name: undocumented fields. */
export function undocumented(root: Schema, schema: Schema, value: unknown, at = '$'): string[] {
	if (typeof schema.$ref === 'string') {
		const target = (schema.$ref as string)
			.replace(/^#\//, '')
			.split('/')
			.reduce<Schema | undefined>((node, key) => node?.[key] as Schema | undefined, root)!;
		return undocumented(root, target, value, at);
	}
	if (Array.isArray(value)) return schema.items ? value.flatMap((item, i) => undocumented(root, schema.items as Schema, item, `${at}[${i}]`)) : [];
	if (typeOf(value) !== 'object') return [];
	const parts = [schema, ...((schema.allOf as Schema[]) ?? []), ...((schema.oneOf as Schema[]) ?? []).filter((p) => schemaErrors(root, p, value).length === 0)];
	const resolved = parts.map((p) =>
		typeof p.$ref === 'string'
			? ((p.$ref as string)
					.replace(/^#\//, '')
					.split('/')
					.reduce<Schema | undefined>((node, key) => node?.[key] as Schema | undefined, root) as Schema)
			: p
	);
	if (resolved.some((p) => p.additionalProperties)) return [];
	const properties: Record<string, Schema> = Object.assign({}, ...resolved.map((p) => (p.properties as Record<string, Schema>) ?? {}));
	if (Object.keys(properties).length === 0 && !resolved.some((p) => p.allOf || p.oneOf)) return [];
	return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
		properties[key] ? undocumented(root, properties[key], item, `${at}.${key}`) : [`${at}.${key}`]
	);
}

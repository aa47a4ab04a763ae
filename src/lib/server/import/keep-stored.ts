/**
 * Partial metadata: a field a file does not carry (an optional column left out, or what DITP's
 * config-viz.yml sets when it is absent under --sans-config) keeps the value the store holds, so
 * that the comparison and the write see the indicator as it will stand. Runs inside the write
 * transaction, like every comparison with the store.
 */
import type Database from 'better-sqlite3';
import { addWarning, type IndicatorDraft, type IndicatorField, type ReleaseDraft } from './types';

type Row = Record<string, unknown> | undefined;

export function keepStored(client: Database.Database, draft: ReleaseDraft): void {
	const selectIndicator = client.prepare('SELECT * FROM indicators WHERE code = ?');
	const selectFamily = client.prepare('SELECT name FROM families WHERE id = ?');
	const selectPolicy = client.prepare('SELECT name, axis FROM policies WHERE id = ?');
	const selectTheme = client.prepare('SELECT name FROM themes WHERE id = ?');
	for (const ind of draft.indicators.values()) {
		if (!ind.absent?.length) continue;
		const stored = selectIndicator.get(ind.code) as Row;
		const absent = new Set(ind.absent);
		const target: IndicatorDraft = ind;
		const keep = <F extends IndicatorField>(field: F, value: IndicatorDraft[F] | undefined) => {
			if (absent.has(field) && value !== undefined) target[field] = value;
		};
		if (stored) {
			keep('themeId', stored.theme_id as string | null);
			keep('description', stored.description as string | null);
			keep('unit', stored.unit as string);
			keep('unitLabel', stored.unit_label as string | null);
			keep('direction', stored.direction as IndicatorDraft['direction']);
			keep('cumulative', stored.cumulative === 1);
			keep('frequency', stored.frequency as string | null);
			keep('sourceUrl', stored.source_url as string | null);
			keep('sourceUpdatedAt', stored.source_updated_at as string | null);
			keep('sourceIds', stored.source_ids as string | null);
			keep('note', stored.note as string | null);
			keep('sortOrder', stored.sort_order as number);
		} else if (absent.has('unit') || absent.has('direction')) {
			addWarning(draft, ind.file, {
				line: ind.line,
				column: 1,
				message: `nouvel indicateur ${ind.code} sans sa configuration : unité « ${ind.unit} » et sens « ${ind.direction} » par défaut`,
				fix: 'importez-le avec config/config-viz.yml de la même livraison pour les fixer'
			});
		}
		keep('familyName', (selectFamily.get(ind.familyId) as Row)?.name as string | undefined);
		const policy = selectPolicy.get(ind.policyId) as Row;
		keep('policyName', policy?.name as string | undefined);
		keep('axis', policy?.axis as string | null | undefined);
		if (ind.themeId) keep('themeName', (selectTheme.get(ind.themeId) as Row)?.name as string | undefined);
	}
	const selectSource = client.prepare('SELECT url, licence_id, licence_verified, updated_at, note FROM sources WHERE id = ?');
	for (const src of draft.sources.values()) {
		if (!src.absent?.length) continue;
		const stored = selectSource.get(src.id) as
			| { url: string | null; licence_id: string | null; licence_verified: number | null; updated_at: string | null; note: string | null }
			| undefined;
		if (!stored) continue;
		if (src.absent.includes('url')) src.url = stored.url;
		if (src.absent.includes('licenceId')) src.licenceId = stored.licence_id;
		if (src.absent.includes('licenceVerified')) src.licenceVerified = stored.licence_verified === null ? null : stored.licence_verified === 1;
		if (src.absent.includes('updatedAt')) src.updatedAt = stored.updated_at;
		if (src.absent.includes('note')) src.note = stored.note;
	}
}

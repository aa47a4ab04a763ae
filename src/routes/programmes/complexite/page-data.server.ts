import { getClient } from '$lib/server/db';
import { gapItems } from '../gaps';
import { pageFigures, sourceGaps, sourcesByIds, surveyWaves } from '$lib/server/queries/programmes';
import { formatQualified } from '$lib/components/programmes/qualificatif';
import { compareFr, formatSignedChange } from '$lib/format';
import { VALUE_CSV_COLUMNS, WAVE_CSV_COLUMNS } from '../csv.server';
import { createFigures, type Figures } from '../shape';
import { comparableWaves, fieldworkText, lifeEvents, SURVEY_NAMES, type LifeEvent, type Public } from './shape';

const quote = (label: string) => `« ${label} »`;

/** `approx. (article)` on a sample size: the transcriber's note that an article rounds it. */
function sampleText(size: number, qualifier: string | null): string {
	if (qualifier && /^approx\.\s*\(article\)$/.test(qualifier)) return `${formatQualified(size, 'nombre', 'approx.')} (chiffre arrondi d'un article)`;
	return formatQualified(size, 'nombre', qualifier);
}

/** « plus élevée à la dernière vague pour les 4 », « plus élevée pour 3, plus basse pour 1 ». */
function direction(up: number, down: number, total: number): string {
	if (up === total) return `plus élevée à la dernière vague pour ${total > 1 ? `les ${total}` : 'cet événement'}`;
	if (down === total) return `plus basse à la dernière vague pour ${total > 1 ? `les ${total}` : 'cet événement'}`;
	const same = total - up - down;
	return `plus élevée à la dernière vague pour ${up}, plus basse pour ${down}${same ? `, égale pour ${same}` : ''}`;
}

/** One public's life events: dumbbell rows (comparable waves only), the table by wave, the published changes. */
function publicSection(f: Figures, events: LifeEvent[], who: Public) {
	const mark = (list: { indicator: string; territory: string; date: string }[]) =>
		f.take((v) => list.some((x) => x.indicator === v.indicator && x.territory === v.territory && x.date === v.date));
	events.forEach((e) => mark([...e.complex, ...e.simple, ...e.changes.map((c) => c.value)]));

	const joined = events
		.map((e) => ({ event: e, dots: comparableWaves(e.complex) }))
		.filter((x) => x.dots.length >= 2)
		.sort((a, b) => b.dots.at(-1)!.value - a.dots.at(-1)!.value || compareFr(a.event.label, b.event.label));
	const rows = joined.map(({ event, dots }) => ({
		key: event.slug,
		label: event.label,
		dots: dots.map((v) => ({ label: v.date, value: v.value, display: f.display(v) }))
	}));
	const pairs = [...new Set(rows.map((r) => r.dots.map((d) => d.label).join(' et ')))];
	const up = rows.filter((r) => r.dots.at(-1)!.value > r.dots[0].value);
	const down = rows.filter((r) => r.dots.at(-1)!.value < r.dots[0].value);
	const sourcesOfPairs = [...new Set(joined.flatMap((x) => x.dots.flatMap((d) => d.sourceIds)))];
	const summary = rows.length
		? `Pour les ${rows.length} événements de vie dont une même source (${sourcesOfPairs.join(', ')}) publie les vagues ${pairs.join(' ; ')}, ` +
			`la part ${who === 'particuliers' ? 'des particuliers' : 'des entreprises'} jugeant les démarches complexes est ${direction(up.length, down.length, rows.length)} : ` +
			rows.map((r) => `${quote(r.label)} de ${r.dots[0].display} (${r.dots[0].label}) à ${r.dots.at(-1)!.display} (${r.dots.at(-1)!.label})`).join(', ') +
			'.'
		: 'Aucun événement de vie avec deux vagues publiées ensemble par une même source.';

	const waves = [...new Set(events.flatMap((e) => e.complex.map((v) => v.date)))].sort();
	const table = events
		.filter((e) => e.complex.length || e.changes.length)
		.sort((a, b) => compareFr(a.label, b.label))
		.map((e) => ({
			key: e.slug,
			label: e.label,
			cells: Object.fromEntries(waves.map((w) => [w, e.complex.find((v) => v.date === w) ?? null])) as Record<string, (typeof e.complex)[number] | null>,
			changes: e.changes.map((c) => `${formatSignedChange(c.value.value, { unit: 'pts' })} depuis ${c.since} (vague ${c.value.date})`),
			sources: [...new Set([...e.complex, ...e.changes.map((c) => c.value)].flatMap((v) => (v.sourceIds.length ? v.sourceIds : (f.indicator(v.indicator)?.sourceIds ?? []))))]
		}))
		.map((r) => ({ ...r, cells: Object.fromEntries(Object.entries(r.cells).map(([w, v]) => [w, v ? f.display(v) : null])) as Record<string, string | null> }));

	const simple = events.filter((e) => e.simple.length).flatMap((e) => e.simple);
	const allValues = events.flatMap((e) => [...e.complex, ...e.changes.map((c) => c.value)]);
	return {
		rows,
		summary,
		chartSources: f.sourceLines(joined.flatMap((x) => x.dots)),
		waves,
		table,
		tableSources: f.sourceLines(allValues),
		tableNotes: f.notesOf(allValues.map((v) => v.indicator)),
		simple: f.table(`Part ${who === 'particuliers' ? 'des particuliers' : 'des entreprises'} jugeant les démarches simples (autre question : à ne pas comparer avec la part jugeant les démarches complexes)`, simple)
	};
}

/** Published changes in points between two waves (their levels are not published: nothing is recomputed). */
function changesSection(f: Figures, events: LifeEvent[], since: string) {
	const list = events
		.flatMap((e) => e.changes.filter((c) => c.since === since).map((c) => ({ event: e, value: c.value })))
		.sort((a, b) => a.value.value - b.value.value || compareFr(a.event.label, b.event.label));
	const down = list.filter((x) => x.value.value < 0);
	const up = list.filter((x) => x.value.value > 0);
	const at = [...new Set(list.map((x) => x.value.date))];
	const pts = (v: number) => formatSignedChange(v, { unit: 'pts' });
	// The source's own count over all the events it tested (it publishes the change for only some of them).
	const lower = f.values(`complexite-entreprises-nb-evenements-en-baisse-vs-${since}`).find((v) => at.includes(v.date)) ?? null;
	const tested = lower ? (f.values('complexite-entreprises-nb-evenements-testes').find((v) => v.date === lower.date) ?? null) : null;
	const sourceCount = lower && tested
		? `Selon la source, sur les ${f.display(tested)} événements de vie testés en ${lower.date}, ${f.display(lower)} ont une complexité ressentie plus basse qu'en ${since}. `
		: '';
	return {
		since,
		at: at.join(', '),
		bars: list.map(({ event, value }) => ({ key: event.slug, label: event.label, value: value.value, display: pts(value.value) })),
		summary: list.length
			? sourceCount +
				`${sourceCount ? 'Elle publie l’écart pour' : 'La source publie l’écart entre ' + since + ' et ' + at.join(', ') + ' pour'} ${list.length} événements de vie : la part jugeant les démarches complexes a baissé pour ${down.length}` +
				(down.length ? ` (de ${pts(down.at(-1)!.value.value)} à ${pts(down[0].value.value)}, pour ${quote(down[0].event.label)})` : '') +
				` et augmenté pour ${up.length}` +
				(up.length ? ` (jusqu'à ${pts(up.at(-1)!.value.value)}, pour ${quote(up.at(-1)!.event.label)})` : '') +
				'. Une baisse est une amélioration.'
			: '',
		sources: f.sourceLines([...list.map((x) => x.value), ...(lower && tested ? [lower, tested] : [])])
	};
}

/** Everything the programme page shows, shaped from the store; its embeddable figures take slices of it. */
export function complexityPage() {
	const client = getClient();
	const data = pageFigures(client, 'complexite');
	const waves = surveyWaves(client);
	const f = createFigures(
		data,
		sourcesByIds(client, [...data.values.flatMap((v) => v.sourceIds), ...data.indicators.flatMap((i) => i.sourceIds), ...waves.flatMap((w) => w.sourceIds)])
	);

	const particuliersEvents = lifeEvents(data.indicators, data.values, 'particuliers');
	const entreprisesEvents = lifeEvents(data.indicators, data.values, 'entreprises');
	const particuliers = publicSection(f, particuliersEvents, 'particuliers');
	const entreprises = publicSection(f, entreprisesEvents, 'entreprises');
	// The one set of changes published for most events: entreprises, 2015 → 2017.
	const sinces = [...new Set(entreprisesEvents.flatMap((e) => e.changes.map((c) => c.since)))];
	const mainSince = sinces.sort((a, b) => entreprisesEvents.filter((e) => e.changes.some((c) => c.since === b)).length - entreprisesEvents.filter((e) => e.changes.some((c) => c.since === a)).length)[0];
	const entreprisesChanges = mainSince ? changesSection(f, entreprisesEvents, mainSince) : null;

	// Averages over time.
	const averages = (['particuliers', 'entreprises'] as const).map((who) => ({ who, values: f.values(`complexite-${who}-pct-complexe-moyenne`, 'national') }));
	const averageSeries = averages
		.filter((a) => a.values.length)
		.map((a, i) => ({
			key: a.who,
			label: a.who === 'particuliers' ? 'Particuliers' : 'Entreprises',
			style: i === 0 ? ('principale' as const) : ('secondaire' as const),
			labelled: true,
			points: a.values.filter((v) => /^\d{4}$/.test(v.date)).map((v) => ({ year: Number(v.date), value: v.value, display: f.display(v) }))
		}));
	const averageSummary =
		'Part jugeant les démarches complexes, en moyenne des événements de vie : ' +
		averageSeries
			.map((s) => `${s.label.toLowerCase()} ${s.points.map((p) => `${p.display} en ${p.year}`).join(', ')}`)
			.join(' ; ') +
		'.';
	const averageValues = averages.flatMap((a) => a.values);

	const ecoute = f.table(
		"Entreprises : écoute de l'administration et prise en compte de leur situation",
		f.take((v) => /^complexite-entreprises-(pct-situation-prise-en-compte|pct-manque-ecoute|pct-avis-positifs-ecoute|evol-pts-avis-positifs-ecoute)/.test(v.indicator))
	);
	const confiance = f.table("Confiance dans l'administration (baromètres « droit à l'erreur »)", f.take((v) => v.indicator.startsWith('complexite-confiance-')));
	const usages = f.table('Canaux utilisés et attentes des particuliers', f.take((v) => /^complexite-particuliers-(pct-canal|evol-pts-canal|pct-attente|pct-volonte|evol-pts-volonte)/.test(v.indicator)));

	return {
		gaps: gapItems(sourceGaps(client, 'complexite')),
		particuliers,
		entreprises,
		entreprisesChanges,
		averages: {
			series: averageSeries,
			summary: averageSummary,
			rows: [...new Set(averageSeries.flatMap((s) => s.points.map((p) => p.year)))]
				.sort((a, b) => a - b)
				.map((year) => ({ year, cells: averageSeries.map((s) => s.points.find((p) => p.year === year)?.display ?? null) })),
			notes: f.notesOf(averageValues.map((v) => v.indicator)),
			sources: f.sourceLines(averageValues)
		},
		confiance,
		ecoute,
		usages,
		waves: [...waves]
			.sort((a, b) => compareFr(a.survey, b.survey) || compareFr(a.year ?? '', b.year ?? ''))
			.map((w) => ({
				id: w.id,
				survey: SURVEY_NAMES[w.survey] ?? w.survey,
				year: w.year,
				fieldwork: fieldworkText(w.fieldwork),
				publication: w.publication,
				institute: w.institute,
				commissioner: w.commissioner,
				sample: w.sampleSize === null ? null : sampleText(w.sampleSize, w.sampleQualifier),
				lifeEvents: w.lifeEvents,
				note: w.note,
				sources: w.sourceIds
			})),
		waveSources: f.sourceLinesOf(waves.flatMap((w) => w.sourceIds)),
		others: f.table('Autres chiffres publiés', f.rest()),
		downloads: {
			values: { rows: data.values.length, columns: VALUE_CSV_COLUMNS },
			waves: { rows: waves.length, columns: WAVE_CSV_COLUMNS }
		}
	};
}

export type ComplexityPage = ReturnType<typeof complexityPage>;

import { getClient } from '$lib/server/db';
import { gapItems } from '../gaps';
import { territoriesAt } from '$lib/server/queries/facts';
import { pageFigures, sourceGaps, sourcesByIds, sppEngagements, type ProgrammeTarget, type ProgrammeValue } from '$lib/server/queries/programmes';
import { formatQualified } from '$lib/components/programmes/qualificatif';
import { compareFr } from '$lib/format';
import { ENGAGEMENT_CSV_COLUMNS, TARGET_CSV_COLUMNS, VALUE_CSV_COLUMNS } from '../csv.server';
import { atDate, createFigures, dateLabel, type Figures } from '../shape';

const SATISFACTION = 'tx-satisfaction-usagers-services-publics';
const DELOUVRIER_ARTICLES = 'spp-delouvrier-satisfaction-usagers-moyenne';
const FRANCE_SERVICES = 'IND-246';
const TRANSPARENCY = 'tx-transparence-resultats';
const BAROMETER = 'spp-barometre-2025-';
const ENGAGEMENT_COUNT = 'spp-programme-nb-engagements';

/** « école » → « École ». */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** The part of an indicator name after its last « — » (the service or the public). */
const lastPart = (name: string) => capitalised(name.split(' — ').at(-1)!.trim());
const finalTarget = (targets: ProgrammeTarget[], code: string) =>
	targets.filter((t) => t.indicator === code && t.kind === 'cible').sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1) ?? null;

/** A map by département of one indicator's latest values: every département (those without a value too). */
function departementMap(f: Figures, code: string, departements: { inseeCode: string; name: string }[], target: ProgrammeTarget | null, monthly: boolean) {
	const values = f.values(code, 'departement');
	const date = values.map((v) => v.date).sort().at(-1) ?? null;
	const byCode = new Map(values.map((v) => [v.inseeCode, v]));
	const rows = departements
		.map((d) => {
			const v = byCode.get(d.inseeCode) ?? null;
			return { code: d.inseeCode, name: d.name, value: v?.value ?? null, display: v ? f.display(v) : null, date: v?.date ?? null, sources: v ? (v.sourceIds.length ? v.sourceIds : (f.indicator(code)?.sourceIds ?? [])) : [] };
		})
		// INSEE order: 01 … 19, 21 … 29, 2A, 2B, 30 … 95, 971 …
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
	const available = rows.filter((r) => r.value !== null);
	const sorted = [...available].sort((a, b) => a.value! - b.value! || compareFr(a.name, b.name));
	const missing = rows.filter((r) => r.value === null);
	const reached = target ? available.filter((r) => r.value! >= target.value).length : null;
	return { date, dateLabel: date ? dateLabel(date, { monthly }) : null, rows, lowest: sorted[0] ?? null, highest: sorted.at(-1) ?? null, missing, reached, count: available.length, sources: f.sourceLines(values) };
}

/** Everything the programme page shows, shaped from the store; its embeddable figures take slices of it. */
export function servicesPublicsPlusPage() {
	const client = getClient();
	const data = pageFigures(client, 'services-publics-plus');
	const engagementList = sppEngagements(client);
	const f = createFigures(data, sourcesByIds(client, [...data.values.flatMap((v) => v.sourceIds), ...data.indicators.flatMap((i) => i.sourceIds), ...data.targets.flatMap((t) => t.sourceIds), ...engagementList.flatMap((e) => e.sourceIds)]));
	const departements = territoriesAt(client, 'departement');
	const pct = (value: number) => formatQualified(value, '%', null);

	// 1. Satisfaction with public services over time (Delouvrier barometer).
	const ditp = f.values(SATISFACTION, 'national');
	const articles = f.values(DELOUVRIER_ARTICLES, 'national');
	const satisfactionTarget = finalTarget(data.targets, SATISFACTION);
	const satisfactionBaseline = data.targets.find((t) => t.indicator === SATISFACTION && t.kind === 'initiale') ?? null;
	const year = (v: ProgrammeValue) => Number(v.date.slice(0, 4));
	const points = (list: ProgrammeValue[]) => list.filter((v) => /^\d{4}/.test(v.date)).map((v) => ({ year: year(v), value: v.value, display: f.display(v) }));
	const agree = ditp.filter((d) => articles.some((a) => year(a) === year(d) && a.value === d.value)).map(year);
	const years = [...new Set([...ditp, ...articles].map(year))].sort((a, b) => a - b);
	const lastArticle = articles.at(-1);
	const satisfaction = {
		series: [
			{ key: 'ditp', label: f.indicator(SATISFACTION)?.name ?? 'Indicateur DITP', style: 'principale' as const, points: points(ditp) },
			{ key: 'articles', label: 'Baromètre Delouvrier, chiffres publiés dans les articles', style: 'secondaire' as const, points: points(articles) }
		],
		targets: satisfactionTarget ? [{ year: Number(satisfactionTarget.date.slice(0, 4)), value: satisfactionTarget.value, label: `Cible ${satisfactionTarget.date.slice(0, 4)} : ${pct(satisfactionTarget.value)}` }] : [],
		summary:
			ditp.length >= 2
				? `Selon l'indicateur de la DITP, issu du baromètre Delouvrier, ${f.display(ditp[0])} des usagers étaient satisfaits des services publics en ${year(ditp[0])} et ${f.display(ditp.at(-1)!)} en ${year(ditp.at(-1)!)}` +
					(satisfactionTarget ? `, pour une cible de ${pct(satisfactionTarget.value)} fin ${satisfactionTarget.date.slice(0, 4)}` : '') +
					(lastArticle ? ` ; les articles sur le baromètre donnent ${f.display(lastArticle)} en ${year(lastArticle)}` : '') +
					(agree.length ? ` (mêmes chiffres que la DITP en ${agree.join(' et ')})` : '') +
					'.'
				: 'Pas assez de valeurs pour une évolution.',
		rows: years.map((y) => ({
			year: y,
			ditp: ditp.find((v) => year(v) === y) ? f.display(ditp.find((v) => year(v) === y)!) : null,
			articles: articles.find((v) => year(v) === y) ? f.display(articles.find((v) => year(v) === y)!) : null
		})),
		baseline: satisfactionBaseline ? { display: pct(satisfactionBaseline.value), date: satisfactionBaseline.date.slice(0, 4) } : null,
		target: satisfactionTarget ? { display: pct(satisfactionTarget.value), date: satisfactionTarget.date.slice(0, 4) } : null,
		notes: f.notesOf([SATISFACTION, DELOUVRIER_ARTICLES]),
		sources: f.sourceLines([...ditp, ...articles, ...(satisfactionTarget ? [satisfactionTarget] : [])])
	};

	/** « non publiée par région » or, where the store has régions, which ones and their latest values. */
	const regional = (code: string, monthly: boolean) => {
		const list = f.values(code, 'region');
		if (!list.length) return 'Données non publiées par région.';
		const names = list.map((v) => `${v.territoryName} (${f.display(v)} ${atDate(v.date, { monthly })})`).join(', ');
		return `Par région, la source ne publie de valeur que pour ${list.length === 1 ? 'une région' : `${list.length} régions`}, chacune formée d'un seul département : ${names} ; aucune pour les autres régions.`;
	};

	// 2. France services, by département.
	const fsTarget = finalTarget(data.targets, FRANCE_SERVICES);
	const fsMap = departementMap(f, FRANCE_SERVICES, departements, fsTarget, true);
	const fsNational = f.values(FRANCE_SERVICES, 'national');
	const franceServices = {
		...fsMap,
		name: f.indicator(FRANCE_SERVICES)?.name ?? FRANCE_SERVICES,
		regional: regional(FRANCE_SERVICES, true),
		target: fsTarget ? { display: pct(fsTarget.value), date: fsTarget.date, dateLabel: dateLabel(fsTarget.date, { monthly: true }) } : null,
		summary:
			fsMap.lowest && fsMap.highest
				? `En ${fsMap.dateLabel}, la part des usagers satisfaits de leur démarche en France services va de ${fsMap.lowest.display} (${fsMap.lowest.name}) à ${fsMap.highest.display} (${fsMap.highest.name}) selon les départements` +
					(fsTarget ? ` ; ${fsMap.reached} des ${fsMap.count} départements qui ont une valeur atteignent déjà la cible nationale de ${pct(fsTarget.value)} fixée pour ${dateLabel(fsTarget.date, { monthly: true })}` : '') +
					(fsMap.missing.length ? ` ; pas de valeur pour ${fsMap.missing.map((m) => m.name).join(', ')}` : '') +
					'.'
				: 'Pas de valeur par département.',
		national: f.table('Satisfaction des usagers en France services, France entière', fsNational, { monthly: true }),
		sources: f.sourceLines([...data.values.filter((v) => v.indicator === FRANCE_SERVICES && v.level === 'departement'), ...fsNational, ...(fsTarget ? [fsTarget] : [])])
	};

	// 3. The 2025 barometer: by service, by public, in brief.
	const barometer = (pattern: RegExp) => f.take((v) => v.indicator.startsWith(BAROMETER) && pattern.test(v.indicator.slice(BAROMETER.length)));
	const overall = barometer(/^satisfaction-globale$/)[0] ?? null;
	const services = barometer(/^satisfaction-globale-(?!par-public-)/).sort((a, b) => b.value - a.value);
	const publics = barometer(/^satisfaction-globale-par-public-/).sort((a, b) => a.value - b.value);
	const welcome = barometer(/^accueil-bienveillance-respect(-.+)?$/);
	const overallWelcome = welcome.find((v) => v.indicator === `${BAROMETER}accueil-bienveillance-respect`) ?? null;
	const name = (v: ProgrammeValue) => lastPart(f.indicator(v.indicator)?.name ?? v.indicator);
	const serviceNames = [...new Set([...services, ...welcome.filter((w) => w !== overallWelcome)].map(name))].sort(compareFr);
	const overallBar = overall ? [{ key: 'ensemble', label: 'Ensemble des usagers', value: overall.value, display: f.display(overall), emphasis: true }] : [];
	const servicesTable = serviceNames.map((service) => {
		const g = services.find((v) => name(v) === service);
		const w = welcome.find((v) => v !== overallWelcome && name(v) === service);
		return { service, global: g ? f.display(g) : null, welcome: w ? f.display(w) : null };
	});
	const barometerDate = overall?.date ?? services[0]?.date ?? '';
	const byService = {
		bars: [...overallBar, ...services.map((v) => ({ key: v.indicator, label: name(v), value: v.value, display: f.display(v) }))],
		summary: overall
			? `Dans le baromètre publié le ${dateLabel(barometerDate)}, ${f.display(overall)} des usagers se disent satisfaits des services publics ; parmi les ${services.length} services dont le résultat est publié, de ${f.display(services.at(-1)!)} (${name(services.at(-1)!)}) à ${f.display(services[0])} (${name(services[0])}).`
			: 'Résultat d’ensemble non publié.',
		table: servicesTable,
		overall: overall ? f.display(overall) : null,
		overallWelcome: overallWelcome ? f.display(overallWelcome) : null,
		sources: f.sourceLines([...(overall ? [overall] : []), ...services, ...welcome])
	};
	const byPublic = {
		bars: [...overallBar, ...publics.map((v) => ({ key: v.indicator, label: name(v), value: v.value, display: f.display(v) }))],
		summary: overall
			? `Les usagers de certains publics sont moins souvent satisfaits que l'ensemble (${f.display(overall)}) : ` +
				publics.map((v) => `${f.display(v)} pour les ${name(v).toLowerCase()}`).join(', ') +
				'.'
			: '',
		sources: f.sourceLines([...(overall ? [overall] : []), ...publics])
	};
	const charted = new Set([overall, ...services, ...publics, ...welcome]);
	const inBrief = f.table('Baromètre des services publics 2025 : autres résultats', barometer(/.*/).filter((v) => !charted.has(v)));

	// 4. Transparency of results, by département.
	const trTarget = finalTarget(data.targets, TRANSPARENCY);
	const trMap = departementMap(f, TRANSPARENCY, departements, trTarget, false);
	const trNational = f.values(TRANSPARENCY, 'national');
	const trNationalLast = trNational.at(-1);
	const transparency = {
		...trMap,
		name: f.indicator(TRANSPARENCY)?.name ?? TRANSPARENCY,
		regional: regional(TRANSPARENCY, false),
		target: trTarget ? { display: pct(trTarget.value), date: trTarget.date, dateLabel: dateLabel(trTarget.date) } : null,
		summary:
			trMap.lowest && trMap.highest
				? `Au ${trMap.dateLabel}, la part des lieux d'accueil du public qui publient leurs résultats va de ${trMap.lowest.display} (${trMap.lowest.name}) à ${trMap.highest.display} (${trMap.highest.name}) selon les départements` +
					(trTarget ? ` ; ${trMap.reached === 0 ? 'aucun n’atteint' : `${trMap.reached} atteignent`} la cible nationale de ${pct(trTarget.value)} fixée au ${dateLabel(trTarget.date)}` : '') +
					(trNationalLast ? ` ; au niveau national (autre mesure : part des réseaux engagés), ${f.display(trNationalLast)} au ${dateLabel(trNationalLast.date)}` : '') +
					'.'
				: 'Pas de valeur par département.',
		national: f.table('Transparence des résultats, France entière (part des réseaux engagés à la maille la plus proche de l’usager)', trNational),
		sources: f.sourceLines([...data.values.filter((v) => v.indicator === TRANSPARENCY && v.level === 'departement'), ...trNational, ...(trTarget ? [trTarget] : [])])
	};

	// 5. The engagements: how many the programme has, and those a source names, in its words.
	const count = f.values(ENGAGEMENT_COUNT, 'national').at(-1) ?? null;
	const engagementDates = [...new Set(engagementList.map((e) => e.date ?? ''))];
	const engagements = {
		rows: engagementList.map((e) => ({ id: e.id, number: e.number, text: e.text })),
		summary: count
			? `Le programme compte ${f.display(count)} engagements communs à tous les services publics (${atDate(count.date)}) ; ` +
				(engagementList.length
					? `les sources lues en nomment ${engagementList.length}, les n° ${engagementList.map((e) => e.number).join(', ')}` +
						(engagementDates.length === 1 && engagementDates[0] ? `, dans une page mise à jour le ${dateLabel(engagementDates[0])}` : '') +
						'.'
					: 'aucune source lue ne les nomme.')
			: engagementList.length
				? `Les sources lues nomment ${engagementList.length} engagements.`
				: 'Aucun engagement nommé par les sources lues.',
		sources: f.sourceLinesOf([...(count?.sourceIds ?? []), ...engagementList.flatMap((e) => e.sourceIds)])
	};

	const targets = data.targets.map((t) => ({
		key: `${t.indicator}|${t.kind}|${t.date}`,
		name: f.indicator(t.indicator)?.name ?? t.indicator,
		kind: t.kind === 'cible' ? 'cible' : 'valeur initiale',
		display: formatQualified(t.value, f.indicator(t.indicator)?.unit, t.qualifier),
		dateLabel: dateLabel(t.date, { monthly: t.indicator === FRANCE_SERVICES })
	}));

	return {
		gaps: gapItems(sourceGaps(client, 'services-publics-plus')),
		satisfaction,
		franceServices,
		byService,
		byPublic,
		inBrief,
		transparency,
		targets,
		targetSources: f.sourceLines(data.targets),
		engagements,
		others: f.table('Autres chiffres publiés', f.rest()),
		downloads: {
			values: { rows: data.values.length, columns: VALUE_CSV_COLUMNS },
			targets: { rows: data.targets.length, columns: TARGET_CSV_COLUMNS },
			engagements: { rows: engagementList.length, columns: ENGAGEMENT_CSV_COLUMNS }
		}
	};
}

export type ServicesPublicsPlusPage = ReturnType<typeof servicesPublicsPlusPage>;

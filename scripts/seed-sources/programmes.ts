/**
 * Converts the programme source folder into Baromètre's canonical seed files (db/README.md).
 *
 * Dev-time only; the output is committed. Run: `npx tsx scripts/seed-sources/programmes.ts [--from DIR]`.
 * Input: `../shared/data/programmes/` (tidy CSVs + sources.csv + SOURCES.md, read-only).
 * Output: `db/seed/programmes/{indicateurs,valeurs,cibles,entites,sources}.csv` and `SOURCES.md`.
 *
 * Rules: every figure is copied as published (the text of the number, never recomputed); qualifiers
 * stay in `qualificatif`; nothing is interpolated or derived. The script fails on any duplicate
 * observation key (except two listed rows that repeat the same figure), on unknown labels, ids,
 * dates or territory codes, and checks at the end that every source row landed somewhere.
 *
 * Series shared with the other seed folders (`db/seed/barometre-2017-2022`, `db/seed/politiques-prioritaires`,
 * imported in the same release): no indicator of their own here. A figure already in that folder (same key,
 * same number) is not written again; a figure it lacks is written here under its indicator id, with its source
 * and a note; a figure that differs (same key, other number or qualifier) stops the script before any write.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv } from '../../src/lib/csv/write';
import { formatDay, formatMonth } from '../../src/lib/format';
import { licenceSentence, licencesLine, type LicenceId, type SourceTerms } from '../../src/lib/source-text';
import { frenchText } from './french-text';
import { readCsvObjects } from './read-csv';
import { PAGE_FACTS, READ_PAGES, SEARCHES, SOURCE_GAPS, SPP_ENGAGEMENTS } from './programmes-pages';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fromArg = process.argv.indexOf('--from');
if (fromArg > 0 && !process.argv[fromArg + 1]) throw new Error('--from needs a directory');
const FROM = fromArg > 0 ? resolve(process.argv[fromArg + 1]) : resolve(ROOT, '../shared/data/programmes');
const OUT = resolve(ROOT, 'db/seed/programmes');
const SEED = resolve(ROOT, 'db/seed');

type Row = Record<string, string>;
type Sens = 'hausse' | 'baisse' | 'neutre';

// ---------- reading ----------

/** Minimal RFC 4180 parser (quotes, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [], cell = '', quoted = false;
	text = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c !== '"') cell += c;
			else if (text[i + 1] === '"') (cell += '"'), i++;
			else quoted = false;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(cell), (cell = '');
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(cell), rows.push(row), (row = []), (cell = '');
		} else cell += c;
	}
	if (cell !== '' || row.length) row.push(cell), rows.push(row);
	return rows;
}

const rowsRead = new Map<string, number>();
function readTable(file: string): Row[] {
	const [header, ...rows] = parseCsv(readFileSync(resolve(FROM, file), 'utf8'));
	rowsRead.set(file, rows.length);
	return rows.map((cells, i) => {
		if (cells.length !== header.length) throw new Error(`${file} row ${i + 2}: ${cells.length} cells, expected ${header.length}`);
		return correct(file, Object.fromEntries(header.map((h, j) => [h, cells[j]])));
	});
}

// ---------- corrections against the source documents ----------

/** The seed documents (../shared/seeds/README.md): file name and title, cited by the corrections and the added facts. */
const SEED_DOCS: Record<string, { file: string; title: string }> = {
	DOC01: { file: '004_47441965eff314ea.txt', title: '« Démarches administratives : baisse de la complexité ressentie par les entreprises – Baromètre 2017 » (article repris avec le dossier de presse du 1er Comité interministériel de la transformation publique)' },
	DOC02: { file: '004_47441965eff314ea.txt', title: 'Dossier de presse du 1er Comité interministériel de la transformation publique, 1er février 2018' },
	DOC03: { file: '000_00f20b024a2885f0.txt', title: "Dossier de presse « Mois de l'innovation publique : la transformation publique au cœur des territoires », Hauts-de-France, 2–30 novembre 2020" },
	DOC04: { file: '001_662d552d5493b23e.txt', title: "Dossier de presse « Mois de l'innovation publique — Les agents publics vous donnent rendez-vous ! », 8e édition, 1er–30 novembre 2021" },
	DOC05: { file: '003_8613fd428c43d4a4.txt', title: "France Relance, fiche action n° 4-9 « Développer l'innovation territoriale » (pilote : DITP), 2021" },
	DOC06: { file: '002_082a909669566687.txt', title: 'Appel à défis de la DITP (plan de relance), candidatures du 23 août au 15 octobre 2021' }
};
const cite = (doc: keyof typeof SEED_DOCS | string) => `${doc}, ${SEED_DOCS[doc].file}`;

/**
 * Where a row of ../shared/data (read-only) misstates its source document: the fields to change,
 * and the source's own words. Each correction must match at least one row (checked at the end) and is
 * listed in SOURCES.md.
 */
interface Correction { file: string; match: Row; set: Row; why: string; used?: number }
const CORRECTIONS: Correction[] = [
	{ file: 'labs_indicators.csv', match: { indicator: 'nb_actions_formation', source_id: 'DOC03' }, set: { qualifier: 'pres de' },
		why: `« ont réalisé près de 500 actions de formation » (${cite('DOC03')}) : « près de », pas « environ »` },
	{ file: 'labs_indicators.csv', match: { indicator: 'nb_projets_accompagnes', source_id: 'DOC03' }, set: { qualifier: '' },
		why: `« ils ont mené environ 80 projets de transformation, en ont accompagné 90 » (${cite('DOC03')}) : 90 sans qualificatif` },
	{ file: 'labs_indicators.csv', match: { indicator: 'nb_projets_menes', source_id: 'DOC03' }, set: { note: "laboratoires de l'État" },
		why: `« environ 80 projets de transformation » (${cite('DOC03')}) ; la date est celle du document` },
	{ file: 'ftap_rounds.csv', match: { indicator: 'dotation_annoncee', period: '2018/2022' }, set: { period: '2018-02-01', note: '700 M€ sur cinq ans (2018-2022), annoncés le 1er février 2018 au 1er Comité interministériel de la transformation publique' },
		why: `« un fonds dédié de 700 millions d'euros sur cinq ans, dont 200 millions d'euros dès 2018 » (${cite('DOC02')}) : daté de l'annonce, la période en note` },
	{ file: 'ftap_rounds.csv', match: { period: '2018-06-20', source_id: 'F01' }, set: { period: '2018-06-19' },
		why: 'la page F01 est « Publié le 19 juin 2018 »' },
	{ file: 'ftap_rounds.csv', match: { period: '2018-06-20', source_id: 'F01;F02' }, set: { period: '2018-06-19' },
		why: 'la page F01 est « Publié le 19 juin 2018 »' },
	{ file: 'ftap_rounds.csv', match: { indicator: 'nb_projets_soutenus_depuis_2018', value: '149' }, set: { qualifier: 'pres de', note: '« Depuis 2018, près de 149 projets ont été soutenus » (F15) ; la Cour des comptes (F13) écrit « 149 projets ont été soutenus »' },
		why: '« Depuis 2018, près de 149 projets ont été soutenus dont 77 % achevés en 2024 » (F15, iFRAP)' },
	{ file: 'labs.csv', match: { lab_id: 'lab_zero' }, set: { status_note: "actif de 2017 à 2020 selon Marseille Solutions ; cité parmi « les laboratoires d'innovation territoriale aujourd'hui » en novembre 2021 (DOC04)", source_ids: 'L15;L16;L26;L17;DOC04' },
		why: `« Les laboratoires d'innovation territoriale aujourd'hui : […] InSo Lab et Lab Zéro (PACA) » (${cite('DOC04')})` },
	{ file: 'complexite_waves.csv', match: { survey: 'confiance_particuliers', wave_year: '2020' }, set: { sample_size: '2028', source_id: 'X11;W03' },
		why: '« Cette enquête a été menée du 26 novembre au 3 décembre 2020, auprès d’un échantillon de 2028 personnes » (W03, page de Harris Interactive) : échantillon ajouté, la ligne source le laisse vide' }
];
function correct(file: string, r: Row): Row {
	for (const c of CORRECTIONS) {
		if (c.file !== file || !Object.entries(c.match).every(([k, v]) => r[k] === v)) continue;
		for (const k of Object.keys(c.set)) if (!(k in r)) throw new Error(`Correction for ${file}: no column ${k}`);
		c.used = (c.used ?? 0) + 1;
		r = { ...r, ...c.set };
	}
	return r;
}


// ---------- reference labels ----------

const FAMILIES: Record<string, string> = {
	laboratoires: "Laboratoires d'innovation territoriale",
	budgets: 'Budgets de transformation : FTAP et France Relance',
	complexite: 'Baromètre de la complexité administrative',
	'services-publics-plus': 'Services Publics+ : satisfaction et transparence'
};
const THEMES: Record<string, string> = {
	'appel-pia-2016': "Appel à projets PIA 2016", reseau: 'Réseau des laboratoires', 'activite-des-labs': 'Activité des laboratoires',
	'appels-a-projets': 'Appels à projets et lauréats', enveloppes: 'Enveloppes et dotations', 'execution-budgetaire': 'Exécution budgétaire du programme 349',
	bilan: 'Bilans et cumuls', 'france-relance': 'France Relance — innovation publique',
	particuliers: 'Particuliers', entreprises: 'Entreprises',
	transparence: 'Transparence des résultats', satisfaction: 'Satisfaction des usagers', opinion: 'Opinion des Français',
	'france-services': 'France services', 'experiences-usagers': "Expériences d'usagers", 'qualite-accueil': "Qualité de l'accueil",
	'accueil-telephonique': 'Accueil téléphonique', engagements: 'Engagements de qualité de service'
};
const POLITIQUES: Record<string, [famille: string, nom: string]> = {
	'reseau-labs': ['laboratoires', "Réseau des laboratoires d'innovation territoriale de l'État"],
	ftap: ['budgets', 'Fonds pour la transformation de l’action publique (FTAP, programme 349)'],
	'france-relance-innovation': ['budgets', 'France Relance — innovation publique et territoriale'],
	'barometre-complexite': ['complexite', 'Baromètre de la complexité administrative (particuliers et entreprises)'],
	'barometre-confiance': ['complexite', "Baromètres de la confiance dans l'administration (droit à l'erreur)"],
	'ovq-qualite-service': ['services-publics-plus', 'Baromètre des résultats — améliorer la qualité du service public'],
	'france-services': ['services-publics-plus', 'France services'],
	'barometre-delouvrier': ['services-publics-plus', 'Baromètre Delouvrier — les services publics vus par les Français et les usagers'],
	'barometre-services-publics-plus': ['services-publics-plus', 'Baromètre des services publics 2025 (Services Publics+)'],
	'plateforme-services-publics-plus': ['services-publics-plus', 'Plateforme Services Publics+ (expériences d’usagers)'],
	'resultats-services-publics-plus': ['services-publics-plus', 'Résultats publiés Services Publics+ (open data)'],
	'barometre-marianne': ['services-publics-plus', 'Baromètre Marianne (qualité de l’accueil, avant 2020)'],
	'plan-telephone': ['services-publics-plus', 'Plan téléphone Services Publics+'],
	'satisfaction-reseaux': ['services-publics-plus', 'Enquêtes de satisfaction des réseaux (CAF, Pôle emploi)'],
	'palmares-opinionway-2023': ['services-publics-plus', 'Palmarès des services publics 2023 (OpinionWay)'],
	'test-joignabilite': ['services-publics-plus', 'Test de joignabilité téléphonique (Défenseure des droits)'],
	'programme-services-publics-plus': ['services-publics-plus', 'Programme Services Publics+ (engagements de qualité de service)']
};

// ---------- registries ----------

interface IndicatorDef {
	politique_id: string; theme_id: string; nom: string; description: string; unite: string; unite_libelle?: string;
	sens: Sens; cumulatif?: 'oui' | 'non'; frequence?: string; note?: string;
}
/** The other seed folders, as a note on a value says where it is missing. */
const SHARED_FOLDER_TEXT: Record<string, string> = { 'politiques-prioritaires': 'des politiques prioritaires', barometre: 'du baromètre 2017–2022' };

interface Obs { indicateur_id: string; maille: string; code: string; date: string; valeur: string; qualificatif: string; source_id: string; note: string }
interface Entity { entite_id: string; type: string; nom: string; maille: string; code: string; date: string; attributs: Record<string, unknown>; source_id: string }

const indicators = new Map<string, IndicatorDef & { seq: number }>();
/** Indicators of the other seed folders that programme rows are written under (id → folder, label, unit). */
const sharedUsed = new Map<string, { folder: string; nom: string; unite: string; from: string; politique_id: string }>();
const values = new Map<string, Obs>();
const targets = new Map<string, Obs>();
const entities = new Map<string, Entity>();
const tally = new Map<string, Map<string, number>>();
const merges: string[] = [];
const notConverted: string[] = [];
/** Sources cited by an indicator outside its figures (an undated target kept in its note). */
const extraSources = new Map<string, string>();

/** Keys where two source rows give the same figure (same value and qualifier): merged, both sources kept. */
const IDENTICAL_DUPLICATES = new Set([
	'complexite-entreprises-pct-complexe-moyenne|national|FR|2013', // P11 and DOC01 both give 32 %
	'labs-nb-nouveaux-labs-crees|national|FR|2021' // labs_indicators.csv (L05;L06) and relance_innovation.csv (L05)
]);

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const NUM_RE = /^-?\d+(\.\d+)?$/;
const REGIONS = new Set(['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94']);
const territoryNames = new Map<string, string>([['national|FR', 'France']]);

function count(file: string, dest: string) {
	const m = tally.get(file) ?? new Map<string, number>();
	m.set(dest, (m.get(dest) ?? 0) + 1);
	tally.set(file, m);
}
const joinNotes = (...parts: string[]) => parts.filter(Boolean).join('; ');
const joinIds = (...lists: string[]) => [...new Set(lists.flatMap((l) => l.split(';')).filter(Boolean))].join(';');
const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function defineIndicator(id: string, def: IndicatorDef): string {
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`Bad indicator id: ${id}`);
	if (!POLITIQUES[def.politique_id] || !THEMES[def.theme_id]) throw new Error(`Unknown politique/theme for ${id}`);
	const prev = indicators.get(id);
	if (prev && (prev.nom !== def.nom || prev.unite !== def.unite)) throw new Error(`Indicator ${id} defined twice differently`);
	if (!prev) indicators.set(id, { ...def, seq: indicators.size });
	return id;
}

// ---------- the other seed folders (same release) ----------

/** Seed folders imported with this one; their indicators, values and targets are authoritative. */
const OTHER_FOLDERS = ['barometre-2017-2022', 'politiques-prioritaires'];
/** Canonical territory code (the import also accepts FRANCE, R84, D2A). */
const canonCode = (code: string) => (code === 'FRANCE' ? 'FR' : code.replace(/^[RD](?=\d)/, ''));
const otherIndicators = new Map<string, { folder: string; nom: string; unite: string }>();
interface OtherObs { folder: string; valeur: string; qualificatif: string }
const otherObs = { valeurs: new Map<string, OtherObs>(), cibles: new Map<string, OtherObs>() };
for (const folder of OTHER_FOLDERS) {
	for (const r of readCsvObjects(resolve(SEED, folder, 'indicateurs.csv'))) {
		if (otherIndicators.has(r.indicateur_id)) throw new Error(`${folder}: indicator ${r.indicateur_id} also defined in ${otherIndicators.get(r.indicateur_id)!.folder}`);
		otherIndicators.set(r.indicateur_id, { folder, nom: r.nom, unite: r.unite });
	}
	for (const dest of ['valeurs', 'cibles'] as const) {
		for (const r of readCsvObjects(resolve(SEED, folder, `${dest}.csv`))) {
			const key = [r.indicateur_id, r.maille, canonCode(r.code_territoire), ...(dest === 'cibles' ? [r.type] : []), r.date].join('|');
			if (!otherObs[dest].has(key)) otherObs[dest].set(key, { folder, valeur: r.valeur, qualificatif: r.qualificatif ?? '' });
		}
	}
}
/**
 * A programme series that is an indicator of another folder: its id, after checking it is defined there.
 * `politique_id` is the programme politique it belongs to, `from` names the source series (both for SOURCES.md).
 */
function sharedIndicator(id: string, folder: string, politique_id: string, from: string): string {
	const other = otherIndicators.get(id);
	if (!other || other.folder !== folder) throw new Error(`Shared indicator ${id} is not defined in db/seed/${folder}`);
	if (!POLITIQUES[politique_id]) throw new Error(`Unknown politique ${politique_id} for ${id}`);
	const prev = sharedUsed.get(id);
	if (prev && (prev.from !== from || prev.politique_id !== politique_id)) throw new Error(`Two source series for shared indicator ${id}`);
	sharedUsed.set(id, { ...other, from, politique_id });
	return id;
}
/** Per shared indicator and file: rows found identical in the other folder, rows added here. */
const sharedTally = new Map<string, { identiques: Record<string, number>; ajoutees: Record<string, number>; sources: Set<string> }>();
const conflicts: string[] = [];

function unit(src: string): { unite: string; unite_libelle?: string } {
	if (src === '%' || src === 'EUR' || src === 'points') return { unite: src };
	if (src === '/10') return { unite: 'note sur 10', unite_libelle: '/10' };
	return { unite: 'nombre', unite_libelle: src };
}

/** Source period → canonical date. Interval `a/b`: date = end, the interval goes to the note. */
function period(p: string): { date: string; note: string } {
	if (p === '' || DATE_RE.test(p)) return { date: p, note: '' };
	const m = /^([^/]+)\/([^/]+)$/.exec(p);
	if (m && DATE_RE.test(m[1]) && DATE_RE.test(m[2])) return { date: m[2], note: `période ${p}` };
	throw new Error(`Unreadable period: ${p}`);
}

function territory(level: string, code: string, name = ''): { maille: string; code: string } {
	if (level === 'national' && code === 'FR') return { maille: 'national', code: 'FR' };
	if (level === 'region' && REGIONS.has(code)) return { maille: 'region', code };
	if (level === 'departement' && /^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/.test(code)) return { maille: 'departement', code };
	throw new Error(`Bad territory: ${level} ${code} ${name}`);
}

function addObs(store: Map<string, Obs>, dest: 'valeurs' | 'cibles', file: string, o: Obs, keyExtra = '') {
	const shared = sharedUsed.get(o.indicateur_id);
	if (!indicators.has(o.indicateur_id) && !shared) throw new Error(`Undefined indicator ${o.indicateur_id}`);
	if (!NUM_RE.test(o.valeur)) throw new Error(`Not a number: "${o.valeur}" (${o.indicateur_id})`);
	if (o.date !== '' && !DATE_RE.test(o.date)) throw new Error(`Bad date ${o.date}`);
	if (dest === 'cibles' && o.date === '') throw new Error(`Undated target for ${o.indicateur_id}`);
	const key = [o.indicateur_id, o.maille, o.code, ...(keyExtra ? [keyExtra] : []), o.date].join('|');
	if (shared) {
		// Series of another folder: never store its figure twice, never pick between two figures.
		const t = sharedTally.get(o.indicateur_id) ?? { identiques: { valeurs: 0, cibles: 0 }, ajoutees: { valeurs: 0, cibles: 0 }, sources: new Set<string>() };
		sharedTally.set(o.indicateur_id, t);
		o.source_id.split(';').forEach((x) => t.sources.add(x));
		const theirs = otherObs[dest].get(key);
		if (theirs) {
			if (Number(theirs.valeur) !== Number(o.valeur) || theirs.qualificatif !== o.qualificatif) {
				conflicts.push(`${dest} ${key} : ${o.valeur}${o.qualificatif ? ` (${o.qualificatif})` : ''} dans ${file} (${o.source_id}), ${theirs.valeur}${theirs.qualificatif ? ` (${theirs.qualificatif})` : ''} dans db/seed/${theirs.folder}`);
				return count(file, `${dest} en conflit avec ${shared.folder}`);
			}
			t.identiques[dest]++;
			return count(file, `${dest} identiques dans ${shared.folder} (\`${o.indicateur_id}\`), non répétées`);
		}
		t.ajoutees[dest]++;
		o = { ...o, note: joinNotes(o.note, `valeur absente des données ${SHARED_FOLDER_TEXT[shared.folder] ?? shared.folder}, reprise de la source ${o.source_id}`) };
		if (store.has(key)) throw new Error(`Duplicate observation key ${key}`);
		store.set(key, o);
		return count(file, `${dest} ajoutées à \`${o.indicateur_id}\` (${shared.folder})`);
	}
	const prev = store.get(key);
	if (prev) {
		if (!IDENTICAL_DUPLICATES.has(key) || prev.valeur !== o.valeur || prev.qualificatif !== o.qualificatif)
			throw new Error(`Duplicate observation key ${key}: ${prev.valeur} (${prev.source_id}) vs ${o.valeur} (${o.source_id})`);
		prev.source_id = joinIds(prev.source_id, o.source_id);
		prev.note = [...new Set([prev.note, o.note].filter(Boolean))].join(' | ');
		merges.push(`${key} = ${o.valeur} : ligne de ${file} (${o.source_id}) fusionnée avec une ligne identique`);
		return count(file, `${dest} (fusionnée avec une ligne identique)`);
	}
	store.set(key, { ...o, note: o.date === '' && o.note === '' ? 'date non précisée dans la source' : o.note });
	count(file, dest);
}
const addValue = (file: string, o: Obs) => addObs(values, 'valeurs', file, o);
const addTarget = (file: string, o: Obs) => addObs(targets, 'cibles', file, o, 'cible');

function addEntity(file: string, e: Entity) {
	if (entities.has(e.entite_id)) throw new Error(`Duplicate entity ${e.entite_id}`);
	if (e.date !== '' && !DATE_RE.test(e.date)) throw new Error(`Bad entity date ${e.date}`);
	entities.set(e.entite_id, e);
	count(file, 'entites');
}
const orNull = (s: string) => (s === '' ? null : s);
const numOrNull = (s: string) => (s === '' ? null : NUM_RE.test(s) ? Number(s) : s);

// ---------- France services labels (also gives accented territory names) ----------

const FS = 'france_services.csv';
for (const r of readTable(FS)) territoryNames.set(`${r.territory_level}|${r.territory_code}`, r.territory_name);

// Same series (OVQ-OFS, S02) as nb-labellisations-france-services of db/seed/barometre-2017-2022.
const FS_LABELS = sharedIndicator('nb-labellisations-france-services', 'barometre-2017-2022', 'france-services', `${FS} : nb_labellisations_france_services`);
for (const r of readTable(FS)) {
	if (r.indicator !== 'nb_labellisations_france_services') throw new Error(`${FS}: unknown indicator ${r.indicator}`);
	const o = { indicateur_id: FS_LABELS, ...territory(r.territory_level, r.territory_code), ...period(r.period), valeur: r.value, qualificatif: '', source_id: r.source_id };
	if (r.measure === 'value') addValue(FS, o);
	else if (r.measure === 'target') addTarget(FS, o);
	else throw new Error(`${FS}: measure ${r.measure}`);
}

// ---------- laboratoires ----------

const LAB_NAMES: Record<string, string> = { lab_pei: 'Lab Péï', lab_zero: 'Lab Zéro', etat_lin: "État'LIN", lab_l: "LAB'L", lab_bfc: "Laboratoire d'innovation publique de l'État en Bourgogne-Franche-Comté" };
const labs = readTable('labs.csv');
const labName = (id: string) => LAB_NAMES[id] ?? labs.find((l) => l.lab_id === id)?.lab_name ?? id;

/** labs_indicators.csv indicator → [French label, description, theme]. */
const LAB_IND: Record<string, [string, string, string]> = {
	nb_projets_deposes_aap_pia: ['Appel à projets PIA 2016 — projets de laboratoires déposés', "Projets de laboratoires d'innovation territoriale déposés à l'appel à projets du PIA (chiffre de la page du ministère, L02).", 'appel-pia-2016'],
	nb_candidatures_aap_pia: ['Appel à projets PIA 2016 — candidatures reçues', "Candidatures reçues à l'appel à projets du PIA (chiffre de la préfecture de région Grand Est, L01).", 'appel-pia-2016'],
	nb_laureats_aap_pia: ['Appel à projets PIA 2016 — laboratoires lauréats', "Laboratoires lauréats de l'appel à projets du PIA.", 'appel-pia-2016'],
	budget_max_projet_aap_pia: ['Appel à projets PIA 2016 — financement maximal par projet', 'Plafond du financement PIA par projet de laboratoire.', 'appel-pia-2016'],
	taux_cofinancement_pia_18_premiers_mois: ['Appel à projets PIA 2016 — taux de cofinancement PIA (18 premiers mois)', 'Part du coût des 18 premiers mois cofinancée par le PIA.', 'appel-pia-2016'],
	nb_laureats_pia_dans_la_region: ['Appel à projets PIA 2016 — laboratoires lauréats dans la région', 'Nombre des douze projets lauréats développés dans la région.', 'appel-pia-2016'],
	financement_initial_par_lab: ['Financement initial par laboratoire (cohorte 2017, PIA)', 'Financement initial de chaque laboratoire de la cohorte 2017 financée par le PIA.', 'reseau'],
	nb_labs_cohorte_2017_encore_actifs: ['Laboratoires de la cohorte 2017 encore actifs', 'Laboratoires de la cohorte 2017 (12 lauréats) encore actifs à la date de publication.', 'reseau'],
	nb_labs_reseau: ["Laboratoires d'innovation territoriale du réseau de l'État", "Nombre de laboratoires d'innovation territoriale de l'État cités par la source à sa date.", 'reseau'],
	nb_agents_dedies: ['Agents dédiés dans les laboratoires', 'Agents dédiés aux laboratoires du réseau.', 'reseau'],
	nb_agents_recrutes: ['Agents recrutés pour les laboratoires', "Agents recrutés dans l'année pour les laboratoires.", 'reseau'],
	nb_nouveaux_labs_crees: ["Nouveaux laboratoires créés dans l'année", "Laboratoires d'innovation territoriale créés dans l'année (dont ceux financés par France Relance).", 'reseau'],
	nb_projets_menes: ['Projets menés par les laboratoires', "Projets menés par les laboratoires de l'État (date non précisée).", 'activite-des-labs'],
	nb_projets_accompagnes: ['Projets accompagnés par les laboratoires', 'Projets accompagnés par les laboratoires (date non précisée).', 'activite-des-labs'],
	nb_actions_formation: ['Actions de formation des laboratoires', 'Actions de formation menées par les laboratoires (date non précisée).', 'activite-des-labs'],
	nb_acteurs_fondateurs: ['acteurs fondateurs', 'Acteurs fondateurs du laboratoire.', 'activite-des-labs'],
	nb_ateliers: ["nombre d'ateliers", 'Ateliers animés par le laboratoire (date non précisée).', 'activite-des-labs'],
	nb_projets: ['projets', 'Projets menés par le laboratoire.', 'activite-des-labs'],
	financement_pia: ['financement PIA', 'Financement reçu du PIA (sur deux ans).', 'activite-des-labs'],
	fonds_cdc: ['financement de la Caisse des dépôts', 'Fonds apportés par la Caisse des dépôts (expérimentation de 18 mois).', 'activite-des-labs'],
	nb_projets_proposes: ['projets proposés', 'Projets proposés au laboratoire quelques mois après son inauguration.', 'activite-des-labs'],
	nb_agents_passes_par_le_lab: ['agents passés par le laboratoire', 'Agents passés par le laboratoire après 18 mois de fonctionnement.', 'activite-des-labs'],
	nb_actions_engagees: ['actions engagées', 'Actions engagées (ateliers, séminaires, formations, conférences) après 18 mois de fonctionnement.', 'activite-des-labs'],
	nb_projets_entrepris: ['projets entrepris', 'Projets entrepris après 18 mois de fonctionnement.', 'activite-des-labs'],
	taille_equipe: ["taille de l'équipe", "Personnes dans l'équipe du laboratoire après un an et demi de fonctionnement.", 'activite-des-labs'],
	participants_hackathon: ['participants au hackathon RH', 'Participants au hackathon de la Fabrique RH (avril 2018).', 'activite-des-labs'],
	equipes_hackathon: ['équipes du hackathon RH', 'Équipes constituées au hackathon de la Fabrique RH (avril 2018).', 'activite-des-labs']
};
const labIndicatorsByLab = new Map<string, string[]>();

const LI = 'labs_indicators.csv';
for (const r of readTable(LI)) {
	const meta = LAB_IND[r.indicator];
	if (!meta) throw new Error(`${LI}: no label for ${r.indicator}`);
	const [label, description, theme_id] = meta;
	let id: string, nom: string, level: string;
	if (r.scope === 'network' || r.scope === 'region') {
		(id = `labs-${slug(r.indicator)}`), (nom = label), (level = r.scope === 'network' ? 'national' : 'region');
	} else {
		// One lab's figure: kept at région maille only when that lab is the only one listed in its région.
		const lab = labs.find((l) => l.lab_id === r.scope);
		if (!lab || lab.region_code !== r.region_code) throw new Error(`${LI}: unknown lab ${r.scope}`);
		if (labs.filter((l) => l.region_code === r.region_code).length !== 1) throw new Error(`${LI}: ${r.scope} shares its région`);
		(id = `labs-${slug(r.scope)}-${slug(r.indicator)}`), (nom = `${labName(r.scope)} — ${label}`), (level = 'region');
		labIndicatorsByLab.set(r.scope, [...new Set([...(labIndicatorsByLab.get(r.scope) ?? []), id])]);
	}
	defineIndicator(id, { politique_id: 'reseau-labs', theme_id, nom, description, ...unit(r.unit), sens: 'neutre' });
	const p = period(r.period);
	addValue(LI, { indicateur_id: id, ...territory(level, r.region_code), date: p.date, valeur: r.value, qualificatif: r.qualifier, source_id: r.source_id, note: joinNotes(r.note, p.note) });
}

/** Creation-year disagreements between sources (SOURCES.md « Conflicts »). */
const LAB_CONFLICTS: Record<string, Record<string, unknown>> = {
	lab_l: { annees_creation_sources: [{ annee: 2022, source: 'L09' }, { annee: 2021, source: 'DOC04' }] },
	la_base: { creation_conflict_note: 'créé en 2016 selon L12 ; inauguré mi-2017 selon L11' },
	lab_archipel: { creation_conflict_note: 'créé en 2016 selon L08 ; premier anniversaire fêté à l’été 2018 selon L10' }
};
/** The labs the November 2021 kit lists as « Les laboratoires d'innovation territoriale aujourd'hui » (DOC04, 001_662d552d5493b23e.txt). */
const ACTIVE_NOV_2021 = new Set(['ti_lab', 'siilab', 'fabrique_rh', 'la_base', 'lab_o', 'inso_lab', 'lab_zero', 'etat_lin', 'lab_archipel']);
for (const id of ACTIVE_NOV_2021) if (!labs.some((l) => l.lab_id === id)) throw new Error(`labs.csv: no lab ${id}`);
for (const l of labs) {
	const active = ACTIVE_NOV_2021.has(l.lab_id);
	addEntity('labs.csv', {
		entite_id: `lab-${slug(l.lab_id.replace(/^lab_/, ''))}`, type: 'laboratoire', nom: labName(l.lab_id), ...territory('region', l.region_code), date: l.creation_year,
		attributs: {
			host: orNull(l.host), partners: orNull(l.partners_noted), creation_year: numOrNull(l.creation_year), creation_year_basis: orNull(l.creation_year_basis),
			opening: orNull(l.opening_or_launch), pia_2016_laureate: orNull(l.pia_2016_laureate), status_note: orNull(l.status_note),
			...LAB_CONFLICTS[l.lab_id], ...(active ? { actif_selon: { date: '2021-11', source: 'DOC04' } } : {}), indicateurs: labIndicatorsByLab.get(l.lab_id) ?? []
		},
		source_id: active ? joinIds(l.source_ids, 'DOC04') : l.source_ids
	});
}

// ---------- FTAP and France Relance ----------

/** ftap_rounds.csv: indicator (or scope|indicator) → [id, French label, theme, sens?]. */
const FTAP_IND: Record<string, [string, string, string, Sens?]> = {
	dotation_annoncee: ['ftap-dotation-annoncee', 'FTAP — dotation annoncée pour 2018-2022', 'enveloppes'],
	enveloppe_annuelle: ['ftap-enveloppe-annuelle', 'FTAP — enveloppe annuelle', 'enveloppes'],
	taille_minimale_projet: ['ftap-taille-minimale-projet', "FTAP — taille minimale d'un projet", 'enveloppes'],
	enveloppe_totale_lfi_augmentee: ['ftap-enveloppe-totale-lfi-2022', 'FTAP 2018-2022 — enveloppe totale après augmentation en LFI 2022', 'enveloppes'],
	enveloppe: ['ftap2-enveloppe', 'FTAP 2 — enveloppe 2023-2025', 'enveloppes'],
	enveloppe_prefets: ['ftap-territorial-enveloppe-prefets', 'FTAP territorial — enveloppe déléguée aux préfets', 'enveloppes'],
	enveloppe_prefets_complementaire: ['ftap-territorial-enveloppe-complementaire', 'FTAP territorial — enveloppe complémentaire déléguée aux préfets', 'enveloppes'],
	seuil_eligibilite_projet_territorial: ['ftap-territorial-seuil-eligibilite', "FTAP territorial — seuil d'éligibilité d'un projet", 'enveloppes'],
	nb_candidatures: ['ftap-nb-candidatures', 'FTAP — dossiers de candidature par appel à projets', 'appels-a-projets'],
	cout_total_projets_candidats: ['ftap-cout-total-projets-candidats', 'FTAP — coût total des projets candidats', 'appels-a-projets'],
	montant_demande_au_fonds: ['ftap-montant-demande', 'FTAP — montant demandé au fonds par les candidats', 'appels-a-projets'],
	nb_ministeres_candidats: ['ftap-nb-ministeres-candidats', 'FTAP — ministères candidats', 'appels-a-projets'],
	nb_organismes_publics_candidats: ['ftap-nb-organismes-candidats', 'FTAP — organismes publics candidats', 'appels-a-projets'],
	part_projets_numeriques_deposes: ['ftap-part-projets-numeriques-deposes', 'FTAP — part de projets numériques parmi les dossiers déposés', 'appels-a-projets'],
	nb_administrations_deconcentrees_candidates: ['ftap-nb-administrations-deconcentrees-candidates', 'FTAP — administrations déconcentrées candidates', 'appels-a-projets'],
	nb_laureats: ['ftap-nb-laureats', 'FTAP — projets lauréats par appel à projets ou sélection', 'appels-a-projets'],
	nb_projets_selectionnes: ['ftap-nb-laureats', 'FTAP — projets lauréats par appel à projets ou sélection', 'appels-a-projets'],
	montant_attribue: ['ftap-montant-attribue', 'FTAP — montant attribué par appel à projets ou sélection', 'appels-a-projets'],
	montant_attribue_a_date: ['ftap-montant-attribue-en-cours-annee', "FTAP — montant attribué en cours d'année (à date)", 'appels-a-projets'],
	nb_projets_finances_a_date: ['ftap-nb-projets-finances-en-cours-annee', "FTAP — projets financés en cours d'année (à date)", 'appels-a-projets'],
	nb_projets_laureats_cumules: ['ftap-nb-projets-laureats-cumules', 'FTAP 2018-2022 — projets lauréats depuis le lancement (cumul)', 'bilan'],
	nb_projets_finances: ['ftap-nb-projets-laureats-cumules', 'FTAP 2018-2022 — projets lauréats depuis le lancement (cumul)', 'bilan'],
	'FTAP (2018-2022)|montant_investi': ['ftap-montant-investi-cumule', 'FTAP 2018-2022 — montant investi (cumul)', 'bilan'],
	'FTAP2 (2023-2025)|montant_investi': ['ftap2-montant-investi-annuel', "FTAP 2 — montant investi dans l'année", 'bilan'],
	'FTAP (cumul)|montant_investi': ['ftap-montant-investi-page-non-datee', 'FTAP — montant investi (page non datée du ministère)', 'bilan'],
	nb_projets_soutenus: ['ftap-nb-projets-soutenus-page-non-datee', 'FTAP — projets soutenus (page non datée du ministère)', 'bilan'],
	dotation_lfi_cumulee: ['ftap-ccomptes-dotation-lfi-cumulee', 'FTAP, bilan de la Cour des comptes — dotations cumulées en LFI', 'bilan'],
	consommation_finale_prevue: ['ftap-ccomptes-consommation-finale-prevue', 'FTAP, bilan de la Cour des comptes — consommation finale prévue', 'bilan'],
	credits_consommes: ['ftap-ccomptes-credits-consommes', 'FTAP, bilan de la Cour des comptes — crédits consommés', 'bilan'],
	economies_perennes_realisees: ['ftap-ccomptes-economies-perennes', 'FTAP, bilan de la Cour des comptes — économies pérennes réalisées', 'bilan', 'hausse'],
	objectif_economies_initial: ['ftap-ccomptes-objectif-economies-initial', "FTAP, bilan de la Cour des comptes — objectif initial d'économies", 'bilan'],
	nb_projets_soutenus_depuis_2018: ['ftap-ccomptes-nb-projets-soutenus', 'FTAP, bilan de la Cour des comptes — projets soutenus depuis 2018', 'bilan'],
	part_projets_termines: ['ftap-ccomptes-part-projets-termines', 'FTAP, bilan de la Cour des comptes — part des projets terminés', 'bilan', 'hausse'],
	part_dossiers_transformation_numerique: ['ftap-ccomptes-part-dossiers-numeriques', 'FTAP, bilan de la Cour des comptes — part des dossiers de transformation numérique', 'bilan'],
	economies_health_data_hub_revisees: ['ftap-ccomptes-economies-hdh-revisees', 'FTAP, bilan de la Cour des comptes — économies révisées du Health Data Hub', 'bilan'],
	economies_health_data_hub_annoncees: ['ftap-ccomptes-economies-hdh-annoncees', 'FTAP, bilan de la Cour des comptes — économies annoncées du Health Data Hub', 'bilan'],
	part_projets_acheves: ['ftap-part-projets-acheves', 'FTAP — part des projets achevés (rapport du Sénat)', 'bilan', 'hausse']
};
/** Counts or amounts accumulated since the start (of the fund, of the platform). */
const CUMULATIVE = new Set(['ftap-nb-projets-laureats-cumules', 'ftap-montant-investi-cumule', 'ftap-ccomptes-dotation-lfi-cumulee', 'ftap-ccomptes-nb-projets-soutenus', 'ftap-nb-projets-soutenus-page-non-datee', 'ftap-montant-investi-page-non-datee',
	'spp-plateforme-nb-experiences-publiees']);
const FR = { maille: 'national', code: 'FR' };
const FR_ = 'Fonds pour la transformation de l’action publique (FTAP), programme 349.';

const FR_ROUNDS = 'ftap_rounds.csv';
for (const r of readTable(FR_ROUNDS)) {
	const meta = FTAP_IND[`${r.scope}|${r.indicator}`] ?? FTAP_IND[r.indicator];
	if (!meta) throw new Error(`${FR_ROUNDS}: no mapping for ${r.scope}|${r.indicator}`);
	const [id, nom, theme_id, sens = 'neutre'] = meta;
	const cumul = CUMULATIVE.has(id);
	defineIndicator(id, { politique_id: 'ftap', theme_id, nom, description: `${nom}, tel que publié. ${FR_}`, ...unit(r.unit), sens, cumulatif: cumul ? 'oui' : 'non' });
	const p = period(r.period);
	addValue(FR_ROUNDS, { indicateur_id: id, ...FR, date: p.date, valeur: r.value, qualificatif: r.qualifier, source_id: r.source_id, note: joinNotes(r.scope, p.note, r.note) });
}

const SCOPES: Record<string, [string, string]> = {
	action_01_FTAP: ['action-01', 'Budget FTAP (programme 349, action 01)'],
	action_02_accompagnement: ['action-02', 'Programme 349, action 02 « accompagnement »'],
	action_03_conseillers_numeriques_France_Services: ['action-03', 'Programme 349, action 03 « conseillers numériques France Services »'],
	action_04_renouveau_democratique: ['action-04', 'Programme 349, action 04 « renouveau démocratique »'],
	programme_total: ['total', 'Programme 349 (toutes actions)']
};
const LINES: Record<string, string> = {
	LFI_AE: "autorisations d'engagement votées en loi de finances initiale (AE)", LFI_CP: 'crédits de paiement votés en loi de finances initiale (CP)',
	ouverts_AE: "autorisations d'engagement ouvertes (AE)", ouverts_CP: 'crédits de paiement ouverts (CP)',
	consommes_AE: "autorisations d'engagement consommées (AE)", consommes_CP: 'crédits de paiement consommés (CP)',
	LFI_credits: 'crédits votés en loi de finances initiale (AE ou CP non précisé)', consommes_credits_a_date: "crédits consommés en cours d'exercice (AE ou CP non précisé)",
	consommes_AE_a_date: "autorisations d'engagement consommées en cours d'exercice (AE)", consommes_CP_a_date: "crédits de paiement consommés en cours d'exercice (CP)"
};
const FB = 'ftap_budget.csv';
for (const r of readTable(FB)) {
	const scope = SCOPES[r.scope], line = LINES[r.line];
	if (!scope || !line || r.programme !== 'P349') throw new Error(`${FB}: unknown ${r.scope}/${r.line}`);
	const id = defineIndicator(`ftap-p349-${scope[0]}-${slug(r.line)}`, {
		politique_id: 'ftap', theme_id: 'execution-budgetaire', nom: `${scope[1]} — ${line}`, unite: 'EUR', sens: 'neutre', cumulatif: 'non', frequence: 'annuelle',
		description: `${scope[1]} : ${line}, par exercice, d'après les rapports annuels de performance et les rapports du Sénat.`
	});
	// A consumption figure "à date" is dated by its as_of day; otherwise by the budget year.
	addValue(FB, { indicateur_id: id, ...FR, date: r.as_of || r.year, valeur: r.value_eur, qualificatif: '', source_id: r.source_id, note: joinNotes(r.as_of ? `exercice ${r.year}, situation au ${r.as_of}` : '', r.note) });
}

const RELANCE: Record<string, [string, string]> = {
	'innovation publique (total)|enveloppe': ['relance-innovation-publique-enveloppe', 'France Relance — enveloppe pour l’innovation publique (total)'],
	'innovation territoriale|enveloppe': ['relance-innovation-territoriale-enveloppe', 'France Relance — enveloppe pour l’innovation territoriale'],
	'laboratoires d innovation territoriale (prefectures de region)|enveloppe': ['relance-labs-enveloppe', "France Relance — enveloppe pour les laboratoires d'innovation territoriale"],
	'laboratoires d innovation territoriale (prefectures de region)|enveloppe_engagee': ['relance-labs-enveloppe-engagee', "France Relance — enveloppe engagée pour les laboratoires d'innovation territoriale"],
	'laboratoires d innovation territoriale (prefectures de region)|financement_par_laboratoire': ['relance-labs-financement-par-lab', 'France Relance — financement promis à chaque laboratoire'],
	'projets d innovation des collectivites|enveloppe': ['relance-collectivites-enveloppe', "France Relance — enveloppe pour les projets d'innovation des collectivités"],
	'appel a defis|enveloppe': ['relance-appel-defis-enveloppe', 'France Relance — enveloppe de l’appel à défis'],
	'appel a defis|montant_par_defi_min': ['relance-appel-defis-montant-min', 'France Relance — montant minimal par défi'],
	'appel a defis|montant_par_defi_max': ['relance-appel-defis-montant-max', 'France Relance — montant maximal par défi']
};
const RI = 'relance_innovation.csv';
for (const r of readTable(RI)) {
	let id: string;
	if (r.indicator === 'nb_nouveaux_labs_crees') id = 'labs-nb-nouveaux-labs-crees'; // same figure as labs_indicators.csv: merged
	else {
		const meta = RELANCE[`${r.component}|${r.indicator}`];
		if (!meta) throw new Error(`${RI}: no mapping for ${r.component}|${r.indicator}`);
		id = defineIndicator(meta[0], { politique_id: 'france-relance-innovation', theme_id: 'france-relance', nom: meta[1], description: `${meta[1]}, tel que publié (plan France Relance, pilotage DITP).`, ...unit(r.unit), sens: 'neutre', cumulatif: 'non' });
	}
	const p = period(r.period);
	addValue(RI, { indicateur_id: id, ...territory('national', r.territory_code), date: p.date, valeur: r.value, qualificatif: r.qualifier, source_id: r.source_id, note: joinNotes(p.note, r.note) });
}

/** Accent-free project labels → French names (the attributes keep the source text). */
const PROJECT_NAMES: Record<string, string> = {
	'Projet ministere du Travail / Pole emploi': 'Projet ministère du Travail / Pôle emploi', 'Prisons experimentales': 'Prisons expérimentales',
	'Identite numerique securisee': 'Identité numérique sécurisée', 'Refonte des systemes d information de la PAC': "Refonte des systèmes d'information de la PAC",
	'Refonte du fichier des comptes bancaires et assimiles (FICOBA)': 'Refonte du fichier des comptes bancaires et assimilés (FICOBA)',
	'Ouverture de la procedure penale numerique aux administrations partenaires de la chaine penale': 'Ouverture de la procédure pénale numérique aux administrations partenaires de la chaîne pénale',
	'Cadre numerique pour les agents de justice': 'Cadre numérique pour les agents de justice',
	'Systeme d information de prevention du decrochage scolaire': "Système d'information de prévention du décrochage scolaire",
	'Geoplateforme (plateforme nationale des donnees geographiques)': 'Géoplateforme (plateforme nationale des données géographiques)',
	'Procedure penale numerique (2 projets du programme)': 'Procédure pénale numérique (2 projets du programme)'
};
const STOP_WORDS = new Set(['a', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'par', 'pour']);
const FP = 'ftap_projects.csv';
for (const r of readTable(FP)) {
	addEntity(FP, {
		entite_id: `ftap-${slug(r.project_label).split('-').filter((w) => !STOP_WORDS.has(w)).slice(0, 6).join('-')}`, type: 'projet-ftap',
		nom: PROJECT_NAMES[r.project_label] ?? r.project_label, maille: '', code: '', date: r.announcement_date,
		attributs: { round: r.round, carrier: orNull(r.carrier), policy_domain: orNull(r.policy_domain), amount_eur: numOrNull(r.amount_eur), amount_qualifier: orNull(r.amount_qualifier), note: orNull(r.note) },
		source_id: r.source_id
	});
}

// ---------- complexity barometer ----------

const SURVEYS: Record<string, [prefix: string, politique: string, theme: string, label: string, survey: string, producer: string]> = {
	particuliers: ['complexite-particuliers', 'barometre-complexite', 'particuliers', 'Particuliers', 'Baromètre de la complexité administrative (particuliers)', 'DGME puis SGMAP puis DITP'],
	entreprises: ['complexite-entreprises', 'barometre-complexite', 'entreprises', 'Entreprises', 'Baromètre de la complexité administrative (entreprises)', 'DGME puis SGMAP puis DITP'],
	confiance_particuliers: ['complexite-confiance-particuliers', 'barometre-confiance', 'particuliers', 'Confiance des particuliers', "Baromètre « Les Français et le droit à l'erreur »", 'DITP'],
	confiance_entreprises: ['complexite-confiance-entreprises', 'barometre-confiance', 'entreprises', 'Confiance des entreprises', 'Baromètre de la confiance des entreprises', 'DITP, BVA']
};
/** measure → [id part, French label ({e} = life event), sens]. Change measures get the comparison wave in the id. */
const MEASURES: Record<string, [string, string, Sens, string?]> = {
	pct_complexe: ['pct-complexe', 'part jugeant les démarches complexes', 'baisse', 'Part des répondants concernés qui jugent les démarches assez ou très complexes, en %.'],
	pct_simple: ['pct-simple', 'part jugeant les démarches simples', 'hausse', 'Part des répondants concernés qui jugent les démarches simples, en %.'],
	change_pts: ['evol-pts', 'évolution de la complexité ressentie', 'baisse'],
	relative_change_pct: ['evol-relative', 'évolution relative de la complexité ressentie', 'baisse'],
	pct_canal_internet: ['pct-canal-internet', 'part passant par internet pour leurs démarches', 'neutre', 'Part des répondants passés par internet pour leurs démarches, en %.'],
	pct_canal_guichet: ['pct-canal-guichet', 'part passant par un guichet pour leurs démarches', 'neutre', 'Part des répondants passés par un guichet pour leurs démarches, en %.'],
	pct_canal_telephone: ['pct-canal-telephone', 'part passant par le téléphone pour leurs démarches', 'neutre', 'Part des répondants passés par le téléphone pour leurs démarches, en %.'],
	pct_canal_courrier: ['pct-canal-courrier', 'part passant par courrier pour leurs démarches', 'neutre', 'Part des répondants passés par courrier pour leurs démarches, en %.'],
	change_pts_canal_internet: ['evol-pts-canal-internet', "évolution de l'usage d'internet pour les démarches", 'neutre'],
	pct_ressentent_volonte_de_simplifier: ['pct-volonte-simplifier', "part ressentant une volonté de simplifier les démarches", 'hausse', 'Part des répondants qui ressentent une volonté de simplifier les démarches, en %.'],
	change_pts_volonte_de_simplifier: ['evol-pts-volonte-simplifier', "évolution de la part ressentant une volonté de simplifier", 'hausse'],
	pct_attente_amelioration: ['pct-attente', "part citant l'attente « {e} »", 'neutre', 'Part des répondants citant cette attente d\'amélioration, en %.'],
	pct_confiance_administration: ['pct-confiance', "part ayant confiance dans l'administration", 'hausse', 'Part des répondants déclarant avoir confiance dans l\'administration, en %.'],
	change_pts_confiance: ['evol-pts-confiance', "évolution de la confiance dans l'administration", 'hausse']
};
/** Accent-free source labels → French labels (life events and expectations). */
const EVENTS: Record<string, string> = {
	'je vais a l hopital': "Je vais à l'hôpital", 'j etablis mes papiers d identite': "J'établis mes papiers d'identité", 'je scolarise mes enfants': 'Je scolarise mes enfants',
	'je declare et paie mes impots': 'Je déclare et paie mes impôts', 'je me fais rembourser mes soins de sante': 'Je me fais rembourser mes soins de santé',
	'je suis ressortissant etranger hors UE': 'Je suis ressortissant étranger hors UE', 'je fais face a un litige avec un tiers': 'Je fais face à un litige avec un tiers',
	'je suis handicape': 'Je suis handicapé', 'j accede a la propriete / je fais construire': "J'accède à la propriété / je fais construire",
	'je perds mon autonomie / un proche perd son autonomie': 'Je perds mon autonomie / un proche perd son autonomie', 'je suis ressortissant UE': 'Je suis ressortissant UE',
	'je prepare ma retraite': 'Je prépare ma retraite', 'je conduis un vehicule': 'Je conduis un véhicule', 'je prends soin de ma sante / hopital': 'Je prends soin de ma santé / hôpital',
	'amelioration des delais de traitement': 'Amélioration des délais de traitement', 'acces a un interlocuteur competent / relation personnalisee': 'Accès à un interlocuteur compétent / relation personnalisée',
	'rationalisation des demarches': 'Rationalisation des démarches', 'simplification de la communication et des formulaires': 'Simplification de la communication et des formulaires',
	'amelioration des services en ligne': 'Amélioration des services en ligne', 'import / export': 'Import / export', 'se separer d un salarie': "Se séparer d'un salarié",
	'proteger une marque / innovation': 'Protéger une marque / innovation', 'obtenir des financements publics': 'Obtenir des financements publics', 'remunerer le personnel': 'Rémunérer le personnel',
	'creer une entreprise': 'Créer une entreprise', 'vendre des produits en France': 'Vendre des produits en France', 'declarer et payer les cotisations sociales': 'Déclarer et payer les cotisations sociales',
	'repondre a / executer un marche public': 'Répondre à / exécuter un marché public', 'construire des locaux': 'Construire des locaux',
	'respecter les normes environnementales': 'Respecter les normes environnementales', 'engager une procedure judiciaire': 'Engager une procédure judiciaire'
};
const CX = 'complexite.csv';
let previousNote = '';
for (const r of readTable(CX)) {
	if (r.note === 'idem') r.note = `idem : ${previousNote}`; // the source repeats the previous row's note
	previousNote = r.note;
	const s = SURVEYS[r.survey], m = MEASURES[r.measure];
	if (!s || !m) throw new Error(`${CX}: unknown ${r.survey}/${r.measure}`);
	const average = r.life_event === 'ensemble (moyenne des evenements de vie)', overall = r.life_event === 'ensemble';
	const event = average || overall ? '' : EVENTS[r.life_event];
	if (event === undefined) throw new Error(`${CX}: no French label for life event "${r.life_event}"`);
	const isChange = /^(change_|relative_)/.test(r.measure);
	const since = !isChange ? '' : r.comparison_wave ? ` depuis ${r.comparison_wave}` : ' depuis la vague précédente (non nommée)';
	let label = m[1].includes('{e}') ? m[1].replace('{e}', event) : event ? `« ${event} » : ${m[1]}` : m[1];
	label += (average ? ' (moyenne des événements de vie)' : '') + since;
	const vs = isChange ? `vs-${r.comparison_wave || 'precedente'}` : '';
	const id = [s[0], m[0], average ? 'moyenne' : event ? slug(event) : '', vs].filter(Boolean).join('-');
	const what = isChange ? `Écart publié par la source par rapport à la vague ${r.comparison_wave || 'précédente'}, en ${r.unit} (aucun niveau n'est recalculé).` : m[3];
	const about = event ? ` ${r.measure === 'pct_attente_amelioration' ? 'Attente' : 'Événement de vie'} : « ${event} ».` : average ? ' Moyenne des événements de vie.' : '';
	defineIndicator(id, { politique_id: s[1], theme_id: s[2], nom: `${s[3]} — ${label}`, description: `${what}${about} ${s[4]} (${s[5]}).`, ...unit(r.unit), sens: m[2], cumulatif: 'non', frequence: 'irrégulière (vagues)' });
	addValue(CX, { indicateur_id: id, ...FR, date: r.wave_year, valeur: r.value, qualificatif: r.qualifier, source_id: r.source_id, note: r.note });
}

const CW = 'complexite_waves.csv';
for (const r of readTable(CW)) {
	const s = SURVEYS[r.survey];
	if (!s) throw new Error(`${CW}: unknown survey ${r.survey}`);
	addEntity(CW, {
		entite_id: `vague-${s[0]}-${r.wave_year}`, type: 'vague-complexite', nom: `${s[4]} — vague ${r.wave_year}`, maille: '', code: '', date: r.wave_year,
		attributs: {
			survey: r.survey, fieldwork: orNull(r.fieldwork), publication: orNull(r.publication), institute: orNull(r.institute), commissioner: orNull(r.commissioner),
			sample_size: numOrNull(r.sample_size), sample_qualifier: orNull(r.sample_qualifier), n_life_events: numOrNull(r.n_life_events), note: orNull(r.note)
		},
		source_id: r.source_id
	});
}

// ---------- Services Publics+ ----------

/** family → [id part, politique, theme, context sentence]. */
const SPP_FAMILIES: Record<string, [string, string, string, string]> = {
	transparence_resultats: ['transparence', 'ovq-qualite-service', 'transparence', "Baromètre des résultats de l'action publique (DITP)."],
	satisfaction_usagers_delouvrier: ['delouvrier', 'barometre-delouvrier', 'satisfaction', 'Baromètre de l’Institut Paul Delouvrier, usagers des services publics.'],
	opinion_delouvrier: ['delouvrier', 'barometre-delouvrier', 'opinion', 'Baromètre de l’Institut Paul Delouvrier, ensemble des Français (pas seulement les usagers).'],
	satisfaction_france_services: ['france-services', 'france-services', 'france-services', 'Bornes de satisfaction des France services (indicateur IND-246 du Baromètre des résultats).'],
	barometre_services_publics_spplus: ['barometre-2025', 'barometre-services-publics-plus', 'satisfaction', 'Premier Baromètre des services publics (Services Publics+), juin 2025 : 25 000 usagers, 19 services.'],
	plateforme_services_publics_plus: ['plateforme', 'plateforme-services-publics-plus', 'experiences-usagers', 'Plateforme Services Publics+ où les usagers partagent leurs expériences.'],
	barometre_marianne: ['marianne', 'barometre-marianne', 'qualite-accueil', 'Baromètre Marianne : visites et appels mystère dans les services de l’État.'],
	resultats_services_publics_plus: ['resultats', 'resultats-services-publics-plus', 'satisfaction', 'Résultat publié en open data par Services Publics+ (IND-27), copié dans le dépôt du site SignalConso.'],
	plan_telephone_services_publics_plus: ['plan-telephone', 'plan-telephone', 'accueil-telephonique', 'Plan téléphone lancé en 2023 dans 30 grands services publics (communiqué ministériel de 2025).'],
	satisfaction_reseaux: ['reseaux', 'satisfaction-reseaux', 'satisfaction', 'Enquête de satisfaction propre au réseau (hors Services Publics+).'],
	palmares_services_publics_opinionway: ['palmares-2023', 'palmares-opinionway-2023', 'satisfaction', '« Palmarès des services publics », OpinionWay pour Le Sens du service public, avril 2023, 1 004 personnes.'],
	test_joignabilite_defenseur_des_droits: ['joignabilite', 'test-joignabilite', 'accueil-telephonique', 'Test d’appels de la Défenseure des droits et de 60 Millions de consommateurs (cité dans la question écrite n° 5397, JO du 2023-02-07) ; date du test non donnée.']
};
/** indicator → [French label, sens]. */
const SPP_IND: Record<string, [string, Sens]> = {
	taux_transparence: ['Taux de transparence des résultats des services publics', 'hausse'],
	taux_satisfaction_usagers_services_publics: ["Satisfaction des usagers à l'égard des services publics (indicateur DITP)", 'hausse'],
	satisfaction_usagers_moyenne: ['Baromètre Delouvrier — usagers satisfaits (moyenne des services publics)', 'hausse'],
	satisfaction_usagers: ['Baromètre Delouvrier — usagers satisfaits', 'hausse'],
	opinion_positive_moyenne: ["Baromètre Delouvrier — opinion positive des Français sur l'action de l'État (moyenne)", 'hausse'],
	opinion_positive: ['Baromètre Delouvrier — opinion positive des Français', 'hausse'],
	taux_satisfaction_usagers_france_services: ['Satisfaction des usagers des France services', 'hausse'],
	satisfaction_globale: ['Baromètre des services publics 2025 — usagers satisfaits', 'hausse'],
	neutres_satisfaction_globale: ['Baromètre des services publics 2025 — usagers ni satisfaits ni insatisfaits', 'neutre'],
	insatisfaits_satisfaction_globale: ['Baromètre des services publics 2025 — usagers insatisfaits', 'baisse'],
	accueil_bienveillance_respect: ["Baromètre des services publics 2025 — satisfaits de l'accueil (bienveillance, respect)", 'hausse'],
	neutres_accueil_bienveillance_respect: ["Baromètre des services publics 2025 — ni satisfaits ni insatisfaits de l'accueil", 'neutre'],
	insatisfaits_accueil_bienveillance_respect: ["Baromètre des services publics 2025 — insatisfaits de l'accueil", 'baisse'],
	simplicite_demarches: ['Baromètre des services publics 2025 — satisfaits de la simplicité des démarches', 'hausse'],
	insatisfaits_simplicite_demarches: ['Baromètre des services publics 2025 — insatisfaits de la simplicité des démarches', 'baisse'],
	satisfaction_globale_par_public: ['Baromètre des services publics 2025 — usagers satisfaits, selon le public', 'hausse'],
	part_ayant_eu_une_interaction_12_mois: ['Baromètre des services publics 2025 — part ayant eu affaire à un service public dans les 12 derniers mois', 'neutre'],
	nb_usagers_interroges: ['Baromètre des services publics 2025 — usagers interrogés', 'neutre'],
	nb_services_evalues: ['Baromètre des services publics 2025 — services évalués', 'neutre'],
	nb_experiences_publiees: ['Plateforme Services Publics+ — expériences d’usagers publiées depuis janvier 2021', 'neutre'],
	part_experiences_apres_demarche_en_ligne: ['Plateforme Services Publics+ — part des expériences après une démarche en ligne', 'neutre'],
	part_experiences_theme: ['Plateforme Services Publics+ — part des expériences sur le thème', 'neutre'],
	note_moyenne_sites_testes: ['Baromètre Marianne — note moyenne des sites testés', 'hausse'],
	nb_sites_testes: ['Baromètre Marianne — sites testés', 'neutre'],
	part_sites_note_sup_egal_7: ['Baromètre Marianne — part des sites notés 7 sur 10 ou plus', 'hausse'],
	taux_satisfaction_usagers: ['Services Publics+ — taux de satisfaction des usagers publié', 'hausse'],
	nb_services_engages: ['Plan téléphone — services engagés', 'neutre'],
	taux_decroche_par_un_agent: ['Plan téléphone — taux de décroché par un agent', 'hausse'],
	nb_services_mesurant_satisfaction_telephonique: ['Plan téléphone — services mesurant la satisfaction téléphonique', 'hausse'],
	taux_satisfaction_telephonique_moyen: ['Plan téléphone — satisfaction téléphonique moyenne', 'hausse'],
	taux_satisfaction_telephonique: ['Plan téléphone — satisfaction téléphonique', 'hausse'],
	nb_appels_recus: ['Plan téléphone — appels reçus', 'neutre'],
	nb_centres_de_contact: ['Plan téléphone — centres de contact', 'neutre'],
	nb_agents: ['Plan téléphone — agents', 'neutre'],
	note_satisfaction_usagers: ['Palmarès des services publics 2023 — note des usagers', 'hausse'],
	part_satisfaits_apres_un_appel: ['Palmarès des services publics 2023 — part de satisfaits après un appel', 'hausse'],
	part_meconnaissant_france_services: ['Palmarès des services publics 2023 — part connaissant mal France services', 'baisse'],
	nb_personnes_interrogees: ['Palmarès des services publics 2023 — personnes interrogées', 'neutre'],
	taux_satisfaits: ['usagers satisfaits', 'hausse'], taux_tres_satisfaits: ['usagers très satisfaits', 'hausse'],
	taux_satisfaits_indemnisation: ["satisfaits de l'indemnisation", 'hausse'], taux_satisfaits_accompagnement: ["satisfaits de l'accompagnement", 'hausse'],
	taux_satisfaits_information_allocations: ['satisfaits de l’information sur les allocations', 'hausse'], taux_satisfaits_suivi: ['satisfaits du suivi', 'hausse'],
	nb_allocataires_interroges: ['allocataires interrogés', 'neutre'], note_satisfaction_globale: ['note de satisfaction globale', 'hausse'],
	note_satisfaction_canal: ['note de satisfaction', 'hausse'], note_satisfaction_globale_par_public: ['note de satisfaction globale', 'hausse'],
	part_premiers_paiements_dans_les_delais: ['premiers paiements dans les délais', 'hausse'], part_repondants_ayant_eu_un_contact_dans_l_annee: ["répondants ayant eu un contact dans l'année", 'neutre'],
	part_appels_non_aboutis: ['Test de joignabilité — part des appels non aboutis', 'baisse'], part_appels_aboutis: ['Test de joignabilité — part des appels aboutis', 'hausse'],
	part_reponses_acceptables: ['Test de joignabilité — part de réponses acceptables (appels aboutis)', 'hausse'],
	part_reponses_precises: ['Test de joignabilité — part de réponses précises (appels aboutis)', 'hausse']
};
/** domain → [id part ('' = whole scope), French label]. */
const DOMAINS: Record<string, [string, string]> = {
	'ensemble des reseaux': ['', ''], '9 services publics (moyenne)': ['', ''], 'France services (bornes de satisfaction)': ['', ''], 'action de l Etat (moyenne des domaines)': ['', ''],
	'ensemble des services': ['', ''], ensemble: ['', ''], 'ensemble des sites testes': ['', ''], 'ensemble des services du plan telephone': ['', ''], 'ensemble des services cites': ['', ''],
	'emploi (services de l emploi)': ['emploi', "emploi (services de l'emploi)"], 'police et gendarmerie': ['police-gendarmerie', 'police et gendarmerie'],
	environnement: ['environnement', 'environnement'], 'fiscalite et collecte des impots': ['fiscalite-impots', 'fiscalité et collecte des impôts'],
	'emploi et lutte contre le chomage': ['emploi-chomage', 'emploi et lutte contre le chômage'], 'securite sociale': ['securite-sociale', 'sécurité sociale'],
	'sante publique': ['sante-publique', 'santé publique'], 'education nationale': ['education-nationale', 'Éducation nationale'], logement: ['logement', 'logement'], justice: ['justice', 'justice'],
	ecole: ['ecole', 'école'], 'hopitaux publics': ['hopitaux-publics', 'hôpitaux publics'], 'gendarmerie nationale': ['gendarmerie', 'gendarmerie nationale'], 'France Titres': ['france-titres', 'France Titres'],
	'service des impots': ['service-impots', 'service des impôts'], 'France services': ['france-services', 'France services'], 'police nationale': ['police', 'police nationale'], 'France Renov': ['france-renov', "France Rénov'"],
	'usagers en difficulte avec internet': ['difficulte-internet', 'usagers en difficulté avec internet'], 'beneficiaires du RSA': ['rsa', 'bénéficiaires du RSA'],
	'personnes en situation de handicap': ['handicap', 'personnes en situation de handicap'], 'jeunes 18-24 et 25-34 ans': ['jeunes', 'jeunes (18-24 et 25-34 ans)'],
	'accessibilite du service public': ['accessibilite', 'accessibilité du service public'], 'complexite administrative': ['complexite', 'complexité administrative'],
	'manque d informations ou d explications': ['manque-informations', "manque d'informations ou d'explications"],
	'services deconcentres de l Education nationale': ['education-nationale', "services déconcentrés de l'Éducation nationale"], 'maisons de services au public (MSAP)': ['msap', 'maisons de services au public (MSAP)'],
	'DGCCRF - SignalConso (plateforme numerique)': ['signalconso', 'DGCCRF, SignalConso (plateforme numérique)'],
	'DGFiP - assistance telephonique aux particuliers (0809 401 401)': ['dgfip', 'DGFiP, assistance téléphonique aux particuliers (0809 401 401)'],
	'assurance maladie (CPAM ou MSA)': ['assurance-maladie', 'assurance maladie (CPAM ou MSA)'], 'collectivites locales (mairies, departements)': ['collectivites', 'collectivités locales (mairies, départements)'],
	hopitaux: ['hopitaux', 'hôpitaux'], 'assurance retraite (Carsat, Cnav)': ['assurance-retraite', 'assurance retraite (Carsat, Cnav)'], prefectures: ['prefectures', 'préfectures'],
	'caisses d allocations familiales (CAF)': ['caf', "caisses d'allocations familiales (CAF)"], 'Pole emploi': ['pole-emploi', 'Pôle emploi'],
	'assurance maladie': ['assurance-maladie', 'assurance maladie'], 'caisse d assurance retraite': ['assurance-retraite', "caisse d'assurance retraite"],
	'CAF (allocataires)': ['caf', 'CAF (allocataires)'], 'CAF - site internet': ['caf-internet', 'CAF, site internet'], 'CAF - telephone': ['caf-telephone', 'CAF, téléphone'],
	'CAF - accueil physique': ['caf-accueil-physique', 'CAF, accueil physique'], 'CAF - allocataires les plus precaires': ['caf-precaires', 'CAF, allocataires les plus précaires'],
	'CAF - beneficiaires d une aide au logement': ['caf-aide-logement', "CAF, bénéficiaires d'une aide au logement"], 'CAF - beneficiaires d une prestation famille': ['caf-prestation-famille', "CAF, bénéficiaires d'une prestation famille"],
	'Pole emploi (demandeurs d emploi)': ['pole-emploi-demandeurs', "Pôle emploi (demandeurs d'emploi)"], 'Pole emploi (entreprises)': ['pole-emploi-entreprises', 'Pôle emploi (entreprises)']
};
/** Series extracted from the DITP repositories that are indicators of another seed folder: source indicator → [id, folder, programme politique]. */
const SPP_SHARED: Record<string, [string, string, string]> = {
	taux_transparence: ['tx-transparence-resultats', 'barometre-2017-2022', 'ovq-qualite-service'], // S01, OVQ-PSP
	taux_satisfaction_usagers_services_publics: ['tx-satisfaction-usagers-services-publics', 'barometre-2017-2022', 'ovq-qualite-service'], // S01, OVQ-PSP
	taux_satisfaction_usagers_france_services: ['IND-246', 'politiques-prioritaires', 'france-services'] // S04
};
const SPP_DESCRIPTIONS: Record<string, string> = {
	'spp-delouvrier-satisfaction-usagers-moyenne': 'Part des usagers satisfaits, moyenne des 9 services publics du Baromètre de l’Institut Paul Delouvrier, retranscrite des articles sur chaque édition.',
	'spp-delouvrier-opinion-positive-moyenne': "Part des Français ayant une opinion positive de l'action de l'État, moyenne des domaines du Baromètre de l’Institut Paul Delouvrier.",
	'spp-barometre-2025-satisfaction-globale': "Part des usagers satisfaits parmi les 25 000 usagers ayant eu affaire à l'un des 19 services évalués dans les 12 derniers mois (premier Baromètre des services publics, juin 2025).",
	'spp-resultats-taux-satisfaction-usagers-signalconso': 'Taux de satisfaction des usagers de la plateforme SignalConso (DGCCRF) publié sur le portail open data Services Publics+ (indicateur IND-27), daté de sa mise à jour.'
};
const CHANGES: Record<string, [string, string]> = {
	change_pts_vs_prev_wave: ['evol-pts-vs-precedente', ' : évolution depuis la vague précédente'], change_pts_vs_2004: ['evol-pts-vs-2004', ' : évolution depuis 2004'],
	change_pts_vs_2011: ['evol-pts-vs-2011', ' : évolution depuis 2011']
};
const SP = 'services_publics_plus.csv';
for (const r of readTable(SP)) {
	const fam = SPP_FAMILIES[r.family], ind = SPP_IND[r.indicator], dom = DOMAINS[r.domain];
	if (!fam || !ind || !dom) throw new Error(`${SP}: no mapping for ${r.family}/${r.indicator}/${r.domain}`);
	const shared = SPP_SHARED[r.indicator];
	if (shared) {
		if (r.measure !== 'value' && r.measure !== 'target') throw new Error(`${SP}: measure ${r.measure} for shared series ${r.indicator}`);
		const p = period(r.period);
		if (!p.date) throw new Error(`${SP}: undated row for shared series ${r.indicator}`);
		const o = { indicateur_id: sharedIndicator(...shared, `${SP} : ${r.indicator}`), ...territory(r.territory_level, r.territory_code, r.territory_name), date: p.date, valeur: r.value, qualificatif: r.qualifier, source_id: r.source_id, note: joinNotes(p.note, r.note) };
		if (!territoryNames.has(`${o.maille}|${o.code}`)) territoryNames.set(`${o.maille}|${o.code}`, r.territory_name);
		if (r.measure === 'value') addValue(SP, o);
		else addTarget(SP, o);
		continue;
	}
	let id = ['spp', fam[0], slug(r.indicator), dom[0]].filter(Boolean).join('-');
	let nom = r.family === 'satisfaction_reseaux' ? `${dom[1]} — ${ind[0]}` : dom[1] ? `${ind[0]} — ${dom[1]}` : ind[0];
	const politique_id = fam[1];
	// Conflict kept (SOURCES.md): CAF 2007 satisfaction is 96 % in the Cnaf publication (X19), 97 % in Localtis (X20).
	if (r.indicator === 'taux_satisfaits' && r.domain === 'CAF (allocataires)' && r.period === '2007' && r.source_id === 'X20')
		(id += '-2007-selon-localtis'), (nom += ' en 2007, selon Localtis (la Cnaf publie 96 %)');
	const change = CHANGES[r.measure];
	if (change) (id += `-${change[0]}`), (nom += change[1]);
	else if (r.measure !== 'value' && r.measure !== 'target') throw new Error(`${SP}: unknown measure ${r.measure}`);
	defineIndicator(id, {
		politique_id, theme_id: fam[2], nom, description: SPP_DESCRIPTIONS[id] ?? `${nom}${change ? ', en points, tel que publié' : ''}. ${fam[3]}`, ...unit(r.unit), sens: ind[1], cumulatif: CUMULATIVE.has(id) ? 'oui' : 'non'
	});
	const p = period(r.period);
	const o = { indicateur_id: id, ...territory(r.territory_level, r.territory_code, r.territory_name), date: p.date, valeur: r.value, qualificatif: r.qualifier, source_id: r.source_id, note: joinNotes(p.note, r.note) };
	if (!territoryNames.has(`${o.maille}|${o.code}`)) territoryNames.set(`${o.maille}|${o.code}`, r.territory_name);
	if (r.measure !== 'target') addValue(SP, o);
	else if (p.date) addTarget(SP, o);
	else {
		// cibles.csv needs a date; the source gives none, so the target goes to the indicator note.
		const d = indicators.get(id)!;
		d.note = joinNotes(d.note ?? '', `Objectif affiché par la source : ${r.value} ${r.unit} (${r.note}) [${r.source_id}]`);
		extraSources.set(id, joinIds(extraSources.get(id) ?? '', r.source_id));
		count(SP, "note d'indicateur (cible sans date)");
		notConverted.push(`${SP} : ${r.indicator} / ${r.domain}, cible ${r.value} ${r.unit} sans date → note de l'indicateur \`${id}\` (cibles.csv exige une date).`);
	}
}

// ---------- facts the seed documents state that ../shared/data leaves out ----------

/** Each with the document's date, the source's own qualifier and its words (../shared/seeds, cited by file in SOURCES.md). */
interface DocumentFact { id: string; def: IndicatorDef; maille?: string; code?: string; date: string; valeur: string; qualificatif?: string; source_id: string; quote: string }
const nb = { unite: 'nombre', sens: 'neutre' as Sens, cumulatif: 'non' as const };
const DOCUMENT_FACTS: DocumentFact[] = [
	{ id: 'labs-nb-labs-etat-accompagnes-ditp', def: { politique_id: 'reseau-labs', theme_id: 'reseau', nom: "Laboratoires de l'État accompagnés par la DITP", description: "Laboratoires d'innovation de l'État que la DITP « accompagne plus spécifiquement », selon le dossier de presse du Mois de l'innovation publique 2020.", ...nb },
		date: '2020-11', valeur: '10', qualificatif: 'approx. (une dizaine)', source_id: 'DOC03', quote: "la DITP accompagne plus spécifiquement une dizaine de labs d'État répartis sur le territoire français" },
	{ id: 'labs-nb-projets-menes-et-accompagnes', def: { politique_id: 'reseau-labs', theme_id: 'activite-des-labs', nom: 'Projets de transformation menés et accompagnés par les laboratoires (depuis leur création)', description: "Projets de transformation menés ou accompagnés par les laboratoires de l'État depuis leur création (second passage du dossier de presse de novembre 2020, qui ne distingue pas les deux).", ...nb, cumulatif: 'oui' },
		date: '2020-11', valeur: '200', qualificatif: 'pres de', source_id: 'DOC03', quote: 'Depuis leur création, ils ont mené et accompagnés près de 200 projets de transformation et ont réalisé près de 500 actions de formation' },
	{ id: 'labs-nb-evenements-mois-innovation', def: { politique_id: 'reseau-labs', theme_id: 'activite-des-labs', nom: "Événements et ateliers des laboratoires pendant le Mois de l'innovation publique", description: "Événements et ateliers proposés par les laboratoires d'innovation territoriale pendant le Mois de l'innovation publique (1er–30 novembre 2021).", ...nb },
		date: '2021-11', valeur: '150', qualificatif: '>', source_id: 'DOC04', quote: "les laboratoires d'innovation territoriale proposeront plus de 150 événements et ateliers dans toute la France" },
	{ id: 'labs-nb-labs-journee-des-labs', def: { politique_id: 'reseau-labs', theme_id: 'reseau', nom: 'Laboratoires réunis par la DITP à la Journée des labs', description: "Laboratoires d'innovation territoriale, de ministères, d'opérateurs et hospitaliers réunis par la DITP (Journée des labs, Mois de l'innovation publique 2021).", ...nb },
		date: '2021-11', valeur: '50', qualificatif: 'approx. (une cinquantaine)', source_id: 'DOC04', quote: "La DITP réunit une cinquantaine de labs d'innovation territoriales, de labs des ministères, de labs d'opérateurs et de labs hospitaliers" },
	{ id: 'labs-occitanie-nb-administrations-reseau-innovation', maille: 'region', code: '76', def: { politique_id: 'reseau-labs', theme_id: 'reseau', nom: "Occitanie — administrations du réseau d'innovation", description: "Administrations rassemblées par le réseau d'innovation d'Occitanie, renforcé avec les crédits du plan de relance pour les collectivités.", ...nb },
		date: '2021-11', valeur: '260', source_id: 'DOC04', quote: "le renforcement du réseau d'innovation rassemblant 260 administrations en Occitanie" },
	{ id: 'labs-nb-projets-actions-accompagnes', def: { politique_id: 'reseau-labs', theme_id: 'activite-des-labs', nom: "Projets et actions accompagnés par les laboratoires d'innovation territoriale", description: "Projets et actions accompagnés par les laboratoires d'innovation territoriale, selon la fiche France Relance n° 4-9.", ...nb },
		date: '2021', valeur: '200', qualificatif: '>', source_id: 'DOC05', quote: "+ de 200 projets et actions accompagnés par les laboratoires d'innovation territoriale" },
	{ id: 'relance-nb-projets-innovation-finances', def: { politique_id: 'france-relance-innovation', theme_id: 'france-relance', nom: "France Relance — projets d'innovation à financer (enveloppe du ministère de la Transformation et de la Fonction publiques)", description: "Projets d'innovation pour une action publique co-construite avec les usagers et les agents que l'enveloppe du ministère (fonds ITN8 du plan de relance), dont relève l'appel à défis, doit financer.", ...nb },
		date: '2021', valeur: '100', source_id: 'DOC06', quote: "l'enveloppe du Ministère de la Transformation et de la Fonction Publique (MTFP) pour le financement de 100 projets d'innovation" },
	{ id: 'spp-programme-nb-engagements', def: { politique_id: 'programme-services-publics-plus', theme_id: 'engagements', nom: 'Services Publics+ — engagements communs pour la qualité de service', description: "Engagements communs pour la qualité de service autour desquels l'ensemble des services publics s'engage avec le programme Services Publics+.", ...nb },
		date: '2021-11', valeur: '9', source_id: 'DOC04', quote: "l'ensemble des services publics s'engage autour de neuf engagements communs pour la qualité de service" },
	{ id: 'complexite-entreprises-nb-evenements-testes', def: { politique_id: 'barometre-complexite', theme_id: 'entreprises', nom: 'Entreprises — événements de vie testés', description: 'Événements de vie sur lesquels porte le baromètre de la complexité des entreprises.', ...nb, frequence: 'irrégulière (vagues)' },
		date: '2017', valeur: '20', source_id: 'DOC01', quote: 'Sur les 20 événements de vie testés, 14 affichent un taux de complexité inférieur à celui de 2015' },
	{ id: 'complexite-entreprises-nb-evenements-en-baisse-vs-2015', def: { politique_id: 'barometre-complexite', theme_id: 'entreprises', nom: 'Entreprises — événements de vie dont la complexité ressentie est plus basse qu’en 2015', description: "Événements de vie, parmi ceux testés, dont le taux de complexité est inférieur à celui de 2015 (compte publié par la source ; elle ne publie l'écart que pour une partie d'entre eux).", ...nb, sens: 'hausse', frequence: 'irrégulière (vagues)' },
		date: '2017', valeur: '14', source_id: 'DOC01', quote: 'Sur les 20 événements de vie testés, 14 affichent un taux de complexité inférieur à celui de 2015' },
	{ id: 'complexite-entreprises-pct-situation-prise-en-compte', def: { politique_id: 'barometre-complexite', theme_id: 'entreprises', nom: "Entreprises — part soulignant la capacité de l'administration à tenir compte de leur situation", description: "Part des entreprises qui soulignent une capacité de l'administration à tenir compte de leur situation personnelle, en %.", unite: '%', sens: 'hausse', cumulatif: 'non', frequence: 'irrégulière (vagues)' },
		date: '2017', valeur: '47', source_id: 'DOC01', quote: "seules 47% des entreprises soulignent une capacité de l'administration à tenir compte de leur situation personnelle" },
	{ id: 'complexite-entreprises-pct-manque-ecoute', def: { politique_id: 'barometre-complexite', theme_id: 'entreprises', nom: "Entreprises — part déplorant un manque d'écoute de l'administration", description: "Part des entreprises interrogées qui déplorent un manque d'écoute des administrations à leur égard, en %.", unite: '%', sens: 'baisse', cumulatif: 'non', frequence: 'irrégulière (vagues)' },
		date: '2017', valeur: '55', source_id: 'DOC01', quote: "55% des interviewés déplorent un manque d'écoute à leur égard" },
	{ id: 'complexite-entreprises-pct-avis-positifs-ecoute', def: { politique_id: 'barometre-complexite', theme_id: 'entreprises', nom: "Entreprises — avis positifs sur la qualité d'écoute de l'administration", description: "Part des avis positifs sur la qualité d'écoute des administrations à l'égard des entreprises, en %.", unite: '%', sens: 'hausse', cumulatif: 'non', frequence: 'irrégulière (vagues)' },
		date: '2017', valeur: '42', source_id: 'DOC01', quote: 'la part des avis positifs (42%) a progressé de 10 points depuis le précédent baromètre' },
	{ id: 'complexite-entreprises-evol-pts-avis-positifs-ecoute-vs-2015', def: { politique_id: 'barometre-complexite', theme_id: 'entreprises', nom: "Entreprises — évolution des avis positifs sur la qualité d'écoute depuis le précédent baromètre (2015)", description: "Écart publié par la source depuis le précédent baromètre (2015), en points (aucun niveau n'est recalculé).", unite: 'points', sens: 'hausse', cumulatif: 'non', frequence: 'irrégulière (vagues)' },
		date: '2017', valeur: '10', source_id: 'DOC01', quote: 'la part des avis positifs (42%) a progressé de 10 points depuis le précédent baromètre' }
];
const SEEDS_FILE = '../shared/seeds (documents sources)';
rowsRead.set(SEEDS_FILE, DOCUMENT_FACTS.length);
for (const fact of DOCUMENT_FACTS) {
	if (!SEED_DOCS[fact.source_id]) throw new Error(`Document fact ${fact.id}: ${fact.source_id} is not a seed document`);
	defineIndicator(fact.id, fact.def);
	const where = fact.maille === 'region' ? territory('region', fact.code!) : FR;
	addValue(SEEDS_FILE, { indicateur_id: fact.id, ...where, date: fact.date, valeur: fact.valeur, qualificatif: fact.qualificatif ?? '', source_id: fact.source_id, note: `« ${fact.quote} » (${SEED_DOCS[fact.source_id].file})` });
}

// ---------- facts of the public pages read for issue 13 (scripts/seed-sources/programmes-pages.ts) ----------

const PAGES_FILE = 'pages publiques lues (programmes-pages.ts)';
const readPageIds = new Set(READ_PAGES.map((p) => p.id));
rowsRead.set(PAGES_FILE, PAGE_FACTS.length + SPP_ENGAGEMENTS.length + SOURCE_GAPS.length);
for (const fact of PAGE_FACTS) {
	if (!readPageIds.has(fact.source_id)) throw new Error(`Page fact ${fact.indicator}: ${fact.source_id} is not a read page`);
	if (fact.def) defineIndicator(fact.indicator, { ...fact.def, ...nb });
	else if (!indicators.has(fact.indicator)) throw new Error(`Page fact for unknown indicator ${fact.indicator}`);
	addValue(PAGES_FILE, { indicateur_id: fact.indicator, ...FR, date: fact.date, valeur: fact.valeur, qualificatif: fact.qualificatif ?? '', source_id: fact.source_id, note: joinNotes(`« ${fact.quote} » (${fact.source_id})`, fact.also ? `la page dit aussi ${fact.also}` : '') });
}
for (const e of SPP_ENGAGEMENTS) {
	if (!readPageIds.has(e.source_id)) throw new Error(`Engagement ${e.numero}: ${e.source_id} is not a read page`);
	addEntity(PAGES_FILE, { entite_id: `engagement-services-publics-plus-${e.numero}`, type: 'engagement-services-publics-plus', nom: `Engagement n° ${e.numero}`, maille: '', code: '', date: e.date, attributs: { numero: e.numero, texte: e.texte }, source_id: e.source_id });
}
/** A gap of the sources, on the page of the site it concerns; `source_id` is the source that would fill it. */
for (const g of SOURCE_GAPS) addEntity(PAGES_FILE, { entite_id: g.id, type: 'lacune', nom: g.texte, maille: '', code: '', date: '', attributs: { page: g.page }, source_id: g.source_id });

// ---------- reading warnings on indicators (gaps, perimeters, conflicts from the source SOURCES.md) ----------

/** Reading warnings on the series kept under another folder's indicator (SOURCES.md; that folder's notes are not ours to edit). */
const SHARED_NOTES: Record<string, string> = {
	'tx-transparence-resultats': "les deux mailles ne mesurent pas la même chose : au national, part des réseaux engagés dans la transparence à la maille la plus proche de l'usager ; par département, part des lieux d'accueil du public qui publient leurs résultats (moyenne non pondérée des réseaux) ; aucune valeur régionale dans la source.",
	'tx-satisfaction-usagers-services-publics': "indicateur DITP issu du Baromètre Delouvrier, daté au 31 décembre de l'année de vague ; même mesure que \`spp-delouvrier-satisfaction-usagers-moyenne\` (retranscrit des articles), 2019 et 2021 concordent.",
	'nb-labellisations-france-services': 'cumul en fin de mois, 2020-01 à 2022-12 ; national, 18 régions et 101 départements ; cibles au 2022-12-31.',
	'IND-246': "bornes de satisfaction des France services ; pas de valeurs régionales dans la source ; la cible de 95 % (2026-12-01) est donnée au national, la source dit que la même cible vaut pour chaque département."
};
const INDICATOR_NOTES: Record<string, string> = {
	'spp-delouvrier-satisfaction-usagers-moyenne': "Usagers seulement : ne pas comparer avec l'opinion de l'ensemble des Français. 2019 et 2021 figurent aussi dans l'indicateur DITP tx-satisfaction-usagers-services-publics (dossier barometre-2017-2022, mêmes valeurs). Moyennes 2016, 2017 et 2020 non trouvées dans les pages lues.",
	'spp-delouvrier-opinion-positive-moyenne': "Ensemble des Français, pas seulement les usagers. Pour 2022, des chiffres par domaine divergents entre AEF et Les Échos n'ont pas été repris par la source.",
	'spp-reseaux-taux-satisfaits-caf': 'Conflit pour 2007 : 96 % dans la publication de la Cnaf (X19, gardé ici), 97 % selon Localtis (X20, indicateur voisin).',
	'spp-reseaux-taux-satisfaits-caf-2007-selon-localtis': 'Valeur 2007 citée en comparaison par Localtis (X20) ; la Cnaf (X19) publie 96 %. Les deux sont gardées.',
	'spp-reseaux-taux-satisfaits-suivi-pole-emploi-demandeurs': "Régions : seules les valeurs extrêmes ont été publiées (minimum Bretagne et Guyane, maximum Corse). Date = publication du billet. Mesure voisine : 64,4 % à fin juin 2016 (taux de satisfaits, X24).",
	'spp-palmares-2023-note-satisfaction-usagers-hopitaux': 'Un autre média (cafedeclic.com) donne 4,5/10 ; seule la note de 6,4 a été relevée.',
	'labs-nb-labs-reseau': "Sources et dates différentes : 12 (novembre 2021), 14 (mars 2022), 16 (page non datée, vers 2024, et page du Campus de la transformation publique publiée le 21 novembre 2024). La liste des laboratoires n'en identifie que 14 de l'État ; 2 à 3 restent à identifier.",
	'labs-nb-candidatures-aap-pia': 'Deux chiffres pour le même appel : 16 candidatures (L01) et 17 projets déposés (L02, indicateur voisin). Les deux sont gardés.',
	'labs-nb-projets-deposes-aap-pia': 'Deux chiffres pour le même appel : 17 projets déposés (L02) et 16 candidatures (L01, indicateur voisin). Les deux sont gardés.',
	'labs-nb-nouveaux-labs-crees': 'Chiffre présent dans les deux fichiers sources (laboratoires et France Relance) : une seule valeur, avec les sources des deux.',
	'ftap-nb-projets-laureats-cumules': 'FTAP 1 (2018-2022) : 81 (novembre 2020), 107 (décembre 2021), 126 (février 2023). Les 149 projets de la Cour des comptes et les 150 de la page non datée couvrent FTAP 1 et FTAP 2 : indicateurs distincts.',
	'ftap-nb-laureats': "Numérotation des appels incertaine : l'appel de septembre 2019 est la « 2e session du 3e appel » pour Ouvre-boîte, le premier appel 2020 « le troisième depuis le départ » pour Le Monde Informatique. Inclut les sélections FTAP 2 de 2023 (voir la note de chaque valeur).",
	'ftap-montant-attribue': "2019 (session 2) : « près de » 90 M€ selon l'association Ouvre-boîte (demande CADA), pas un chiffre officiel. Pas de liste complète des lauréats avec montants (voir les entités projet-ftap).",
	'ftap-enveloppe-annuelle': '2018, 2019 et 2022 : FTAP 1 ; 2023 : FTAP 2.',
	...Object.fromEntries(['ouverts-ae', 'ouverts-cp', 'consommes-ae', 'consommes-cp'].map((l) => [`ftap-p349-action-01-${l}`,
		'2019-2021 : le programme 349 ne comptait que l’action 01 ; pour 2022 et 2023 la source ne donne l’exécution qu’au total du programme.'])),
	'ftap-p349-total-lfi-credits': "La source ne dit pas s'il s'agit d'AE ou de CP.",
	'ftap-p349-total-consommes-credits-a-date': "La source ne dit pas s'il s'agit d'AE ou de CP.",
	'complexite-particuliers-evol-pts-je-vais-a-l-hopital-vs-2012': "La source donne aussi la part jugeant ces démarches simples ; le fichier source ne précise pas à quelle part l'écart se rapporte.",
	'complexite-particuliers-pct-canal-internet': '2018 : 36 % (article de mars 2020 rattaché à la vague 2018) ; un autre article implique 37 % (58 % en 2020 moins 21 points), valeur calculée non reprise.',
	'complexite-particuliers-pct-complexe-moyenne': "Moyennes 2020 et 2022 non trouvées. Le nombre d'événements de vie varie selon les vagues (20 en 2008, 25 de 2018 à 2022).",
	'complexite-entreprises-pct-complexe-moyenne': "2011 : 33 % selon Les Échos ; le SGMAP dit 2013 (32 %) « équivalent à 2011 ». Aucune vague entreprises après 2017 trouvée.",
	'complexite-particuliers-pct-complexe-je-prends-soin-de-ma-sante-hopital': "Libellé de la vague 2018 ; la vague 2014 disait « Je vais à l'hôpital » (indicateur distinct, non fusionné).",
	'complexite-confiance-particuliers-evol-pts-confiance-vs-2019': 'La liste des vagues (X11) ne connaît pas de vague 2019 (2017, 2018, 2020, 2021) ; écart non résolu.'
};
for (const id of Object.keys(SHARED_NOTES)) if (!sharedUsed.has(id)) throw new Error(`Note for unused shared indicator ${id}`);
for (const [id, note] of Object.entries(INDICATOR_NOTES)) {
	const d = indicators.get(id);
	if (!d) throw new Error(`Note for unknown indicator ${id}`);
	d.note = joinNotes(note, d.note ?? '');
}

// ---------- conflicts with the other seed folders: stop before writing anything ----------

if (conflicts.length) {
	console.error(`${conflicts.length} figure(s) differ from the other seed folders (same key, other number or qualifier):\n${conflicts.map((c) => `  ${c}`).join('\n')}`);
	throw new Error('Conflicts with the other seed folders: resolve them in the source, nothing was written');
}

// ---------- sources ----------

const HOSTS: Record<string, string> = {
	'modernisation.gouv.fr': 'DITP (modernisation.gouv.fr)', 'budget.gouv.fr': 'Direction du budget (budget.gouv.fr)', 'ccomptes.fr': 'Cour des comptes',
	'vie-publique.fr': 'vie-publique.fr (DILA)', 'prefectures-regions.gouv.fr': 'Préfectures de région', 'bercynumerique.finances.gouv.fr': 'Bercy Numérique',
	'blog.service-public.fr': 'Service-Public.fr (DILA)', 'geoportail.gouv.fr': 'IGN (Géoportail)', 'questions.assemblee-nationale.fr': 'Assemblée nationale',
	'expertises-territoires.fr': 'Cerema (Expertises territoires)', 'banquedesterritoires.fr': 'Banque des Territoires (Localtis)', 'bfmtv.com': 'BFM TV',
	'francetvinfo.fr': 'franceinfo', 'radiofrance.fr': 'France Inter', 'europe1.fr': 'Europe 1', 'huffingtonpost.fr': 'HuffPost', 'francebleu.fr': 'France Bleu',
	'20minutes.fr': '20 Minutes', 'lemondeinformatique.fr': 'Le Monde Informatique', 'ifrap.org': 'Fondation iFRAP', 'tv.acteurspublics.com': 'Acteurs publics',
	'acteurspublics.com': 'Acteurs publics', 'horizonspublics.fr': 'Horizons publics', 'weka.fr': 'Weka', 'aefinfo.fr': 'AEF info', 'oecd-opsi.org': 'OCDE (OPSI)'
};
const DOC_PRODUCERS: Record<string, string> = {
	DOC01: 'DITP', DOC02: 'DITP (Comité interministériel de la transformation publique)', DOC03: 'Ministère de la Transformation et de la Fonction publiques / DITP',
	DOC04: 'Ministère de la Transformation et de la Fonction publiques / DITP', DOC05: 'France Relance (pilote : DITP)', DOC06: 'DITP'
};
const REPO_PRODUCERS: Record<string, string> = {
	'etalab/barometre-resultats': "DITP (Baromètre des résultats de l'action publique, dépôt etalab/barometre-resultats)",
	'etalab/barometre-resultats-documentation': "DITP / Etalab (documentation du Baromètre des résultats)",
	'DITP-pilotage/barometre-resultats': 'DITP (dépôt DITP-pilotage/barometre-resultats)',
	'betagouv/signalconso-website': 'DGCCRF / DITP (Services Publics+, copie dans betagouv/signalconso-website)'
};
/** Relayed or copied pages: the producer named in the location text, and the host. */
const SOURCE_PRODUCERS: Record<string, string> = {
	P09: 'Les Échos (repris par vichy-economie.com)', P10: 'DGME (synthèse, copie sur slideshare.net)', D04: 'Les Échos (repris par boursier.com)',
	F09: 'Acteurs publics (repris par foservicespublics51.fr)', L04: 'Acteurs publics (repris par Bercy Numérique)', X07: 'Association Ouvre-boîte (forum)',
	X11: 'Harris Interactive (copie sur 123dok.net)', X13: 'Communiqué ministériel (relayé par mediaconnect.com)', X19: 'Cnaf (copie sur doczz.fr)',
	X18: 'Weka (d’après la Cnaf)', X23: 'Europe 1 (reprise de Boursier.com)'
};
/** Dates not readable from the location text, or misleading there (an event date, not a publication date). */
const DATE_OVERRIDES: Record<string, string> = {
	DOC01: '2018', DOC02: '2018-02-01', DOC03: '2020-11', DOC04: '2021-11', DOC05: '2021', DOC06: '2021',
	S02: '2023-01-19', // same commit as S01, whose location gives the commit date
	X07: '', // the date given is that of a CADA opinion, not of the page
	X12: '2024-11-29', // most recent of the pinned commits
	X13: '2025', X21: '2010', X24: '2016' // "2025, after July 2025", "autumn 2010", "2016, figures at end of June 2016"
};
/**
 * The source folder's licence notes (in English, for whoever builds the seed) → structured fields:
 * which licence (`licence_id`) and whether it was read in the source itself (`licence_verifiee`).
 * The French sentence is worded from them by src/lib/source-text.ts. An unknown note stops the script.
 */
const LICENCE_TERMS: Record<string, { id: LicenceId; verified: boolean }> = {
	'third-party/press page: text under copyright; only factual figures and short labels reused': { id: 'droit-auteur', verified: false },
	'French government page: public information, reuse normally under Licence Ouverte / Etalab 2.0 (site legal notice not checked page by page); only figures reused': { id: 'etalab-2.0', verified: false },
	'public-sector page: public information, reuse normally under Licence Ouverte / Etalab 2.0 (legal notice not checked); only figures reused': { id: 'etalab-2.0', verified: false },
	'third-party blog page: text under copyright; only factual figures reused': { id: 'droit-auteur', verified: false },
	'third-party copy of a survey report: text under copyright; only wave dates, institutes and sample size reused': { id: 'droit-auteur', verified: false },
	'third-party forum page: text under copyright; only one approximate figure reused': { id: 'droit-auteur', verified: false },
	'third-party copy of a Cnaf publication; only figures reused': { id: 'inconnue', verified: false },
	'press-release relay page: official communique, only figures reused': { id: 'inconnue', verified: false },
	'Licence Ouverte / Etalab 2.0 (site content)': { id: 'etalab-2.0', verified: true },
	'government publication': { id: 'inconnue', verified: false },
	'government press kit': { id: 'inconnue', verified: false },
	'Licence Ouverte 2.0 (LICENCE.md of the repo)': { id: 'etalab-2.0', verified: true },
	'data published by DITP on data.gouv.fr (Barometre des resultats de l action publique) under Licence Ouverte / Etalab 2.0; repo code MIT': { id: 'etalab-2.0', verified: true },
	'no licence file in repo; same indicator data is published by DITP on data.gouv.fr (Licence Ouverte 2.0) - verify before redistribution': { id: 'inconnue', verified: false },
	'no licence file in repo; the values are copied from the Services Publics+ open-data portal run by the DITP (portal licence not checked) - verify before redistribution': { id: 'inconnue', verified: false }
};
const termsOf = (s: Row): SourceTerms => ({ licenceId: s.licence_id as LicenceId, licenceVerified: s.licence_verifiee === 'oui', licence: s.licence });
/**
 * Each page's or repository's title, in French as the page gives it: for a page, its title as its address spells
 * it, with the accents, apostrophes and capitals the address drops restored (« … » where the address cuts it);
 * for a page whose address holds no words (Sénat reports, budget annexes), what the source folder says the page is.
 * The source folder gives only the address, so its words ("relays", "undated", commit notes) never reach a title.
 */
const TITLES: Record<string, string> = {
	S01: 'Baromètre des résultats de l’action publique : données « Améliorer la qualité du service public », fichiers OVQ-PSP national et départemental',
	S02: 'Baromètre des résultats de l’action publique : données « France services », fichiers OVQ-OFS national, régional et départemental',
	S03: 'Documentation du baromètre des résultats : « Qualité de service aux usagers » (définitions)',
	S04: 'Baromètre des résultats de l’action publique : données de l’indicateur IND-246 et métadonnées des indicateurs',
	X12: 'Statistiques de satisfaction de SignalConso (copie du jeu de données Services Publics+ « export-resultats », indicateur IND-27)',
	P01: 'La complexité administrative vue par les usagers : enquête 2018',
	P02: 'La complexité administrative vue par les Français : étude 2014',
	P03: 'Regards croisés : mesurer la complexité administrative en partant de l’expérience des usagers',
	P04: 'Des démarches administratives encore souvent perçues comme complexes par les usagers',
	P05: 'Les Français reprochent aux services publics la paperasse et le manque d’information préalable',
	P06: 'Les démarches administratives toujours en mal de simplification',
	P07: 'Baromètre 2022 de la complexité administrative et de la confiance en l’administration',
	P08: 'Services publics : la France n’assume toujours pas d’afficher le rapport qualité/prix',
	P09: 'Simplifications administratives (revue de presse, d’après Les Échos)',
	P10: 'Synthèse : complexité administrative vue par les entreprises, 2011 (DGME)',
	P11: 'Démarches administratives des entreprises : une étude pour en mesurer la complexité',
	P12: 'Démarches administratives : un casse-tête qui décourage les Français',
	P13: 'Baromètres confiance 2020 : le niveau de confiance des particuliers et des entreprises',
	P14: 'Baromètre confiance des entreprises : 75 % des chefs d’entreprises ont confiance dans…',
	D01: 'Baromètre Delouvrier 2019 : l’opinion positive des Français à l’égard des services publics',
	D02: 'Services publics : l’opinion des Français et la satisfaction des usagers en progression sur fond de tension sociale',
	D03: '22e édition du baromètre Delouvrier : l’opinion des Français à l’égard de leurs services…',
	D04: 'Services publics : pourquoi leur image se dégrade encore',
	D05: 'Les services publics vus par les Français et les usagers 2023',
	D06: '52 % des Français pour diminuer le niveau des impôts (édition 2024 du baromètre)',
	D07: 'Baromètre de l’Institut Paul Delouvrier : les services publics vus par les Français et par les usagers, édition 2015',
	D08: 'Les services publics vus par les Français et les usagers, édition 2018 (notice de bibliothèque)',
	D09: 'Les Français satisfaits de la police et de la gendarmerie, pas de Pôle emploi (édition 2014)',
	SP01: 'Donner la parole aux Français pour améliorer les services publics',
	SP02: 'Les usagers évaluent leurs services publics',
	SP03: 'Deux tiers des Français se disent satisfaits de la qualité des services publics',
	SP04: 'Services Publics+ : plus de 15 000 expériences d’usagers partagées sur la plateforme',
	SP05: 'Baromètre Marianne 2018 : la note moyenne progresse mais des efforts à poursuivre pour…',
	SP06: 'Baromètre Marianne 2019 sur la qualité de l’accueil et de la relation usager : les bons…',
	L01: 'Modernisation : douze laboratoires d’innovations territoriales récompensés',
	L02: 'Laboratoires d’innovation territoriale : des projets innovants',
	L03: 'Laboratoires d’innovation territoriale : le SGMAP précise ses attentes',
	L04: 'Un second souffle pour les laboratoires d’innovation territoriale',
	L05: 'Bourgogne-Franche-Comté : création d’un laboratoire d’innovation publique de l’État pour…',
	L06: 'Innov’Mandie recherche agents publics pour casser les silos',
	L07: 'Laboratoires interministériels',
	L08: 'Laboratoire d’Auvergne-Rhône-Alpes (Lab…)',
	L09: 'Laboratoire du Centre-Val de Loire',
	L10: 'La Tribune de Lyon, 26 juillet 2018',
	L11: 'LaBase, nouveau laboratoire d’innovation territoriale',
	L12: 'Osez si vous voulez être acteur du changement',
	L13: 'Fonction territoriale à Bordeaux : décloisonner, innover',
	L14: 'Lab-O : les services de l’État en mode innovation',
	L15: 'Un labo d’innovation publique à la Friche la Belle de Mai',
	L16: 'Le Lab Zéro',
	L17: 'Semaine de l’innovation publique : lauréats de l’appel à projets de laboratoires d’innovation territoriale',
	L18: 'État’LIN : il s’y passe quoi ?',
	L19: 'L’incubateur de projets d’État’LIN',
	L20: 'Yannick Imbert : « La fonction publique doit permettre aux agents d’être force de proposition »',
	L21: 'Hackathon de la Fabrique RH : des idées innovantes pour le service public',
	L22: 'Post-it, Lego, brainstorming : comment l’administration bretonne fait sa révolution',
	L23: 'TiLab, c’est quoi ?',
	L24: 'Article de Smart City Mag',
	L25: 'À Rouen, le lab Innov’Mandie met l’accent sur l’eau',
	L26: 'LabZero',
	L27: 'Un lab au service de l’innovation publique',
	L28: 'Notre laboratoire d’innovation est une façon de revisiter la mise en œuvre des politiques publiques',
	F01: 'Investir pour transformer : découvrez les 17 lauréats du premier appel à projets du FTAP',
	F02: '17 projets pour moderniser l’administration',
	F03: 'Investir pour transformer : le 2e appel à projets du FTAP retient 16 lauréats',
	F04: '12 juillet : fin de la 2e session de l’appel à projets',
	F05: 'Annonce des lauréats de la 2de session de l’appel à projets 2020',
	F06: 'L’État répartit 140 M€ sur 16 projets pour sa transformation numérique',
	F07: 'Rapport sur le projet de loi de finances pour 2021',
	F08: 'FTAP 2021 : 80 millions d’euros investis dans 12 projets de transformation publique',
	F09: 'Transformation publique (d’après Acteurs publics)',
	F10: 'FTAP : le dossier de presse « Investir pour transformer l’action publique »',
	F11: 'Le FTAP 2 sélectionne quatre nouveaux projets pour un investissement de 22 millions d’euros',
	F12: 'Fonds pour la transformation de l’action publique',
	F13: 'Le fonds de transformation de l’action publique : un bilan insaisissable imposant des…',
	F14: 'Fonds de transformation de l’action publique : un bilan insaisissable',
	F15: 'Fonds de transformation de l’action publique (FTAP) : où sont les économies ?',
	F16: 'Rapport sur le projet de loi de finances pour 2019',
	F17: 'Rapport annuel de performances 2019 du programme 349, justification au premier euro',
	F18: 'Rapport annuel de performances 2020 du programme 349, justification au premier euro',
	F19: 'Rapport annuel de performances 2021 du programme 349, justification au premier euro',
	F20: 'Rapport annuel de performances 2022 du programme 349, justification au premier euro',
	F21: 'Rapport annuel de performances 2023 du programme 349, justification au premier euro',
	F22: 'Rapport sur le projet de loi de finances pour 2025 (copie sur un autre site du Sénat)',
	F23: 'Rapport sur le projet de loi de finances pour 2026',
	F24: 'Rapport sur le projet de loi de finances pour 2023',
	F25: 'Rapport sur le projet de loi de finances pour 2020',
	X01: 'La Géoplateforme lauréate du fonds pour la transformation de l’action publique',
	X02: 'Actualités du Géoportail de l’IGN, novembre 2018',
	X03: 'Rapport d’information n° 17 (2022-2023) sur l’IGN',
	X04: 'Programme LiDAR HD, plateforme Expertises territoires du Cerema',
	X05: '80 millions d’euros investis en 2021 pour accélérer 12 projets de transformation publique',
	X06: 'Le FTAP soutient…',
	X07: 'Lauréats FTAP : dossiers (discussion sur une demande à la CADA, avis 20200990 du 7 juillet 2020)',
	X08: 'La préfecture lance le Lab Péi pour réinventer l’action publique à La Réunion',
	X09: 'La Réunion : le Lab Péi, un nouvel outil pour réinventer l’action publique',
	X10: 'Lab Logistique : la CTM crée le premier laboratoire d’innovation territoriale',
	X11: 'Les Français et le droit à l’erreur, vague 4, décembre 2021 (rapport Harris Interactive, page de méthode)',
	X13: 'Laurent Marcangeli fait un bilan du plan téléphone à la DDFiP d’Amiens : hausse de la satisfaction des usagers et du taux de décroché',
	X14: 'Palmarès des services publics : Pôle emploi, les CAF et les préfectures en bas du classement',
	X15: 'Carsat, CPAM, Pôle emploi : découvrez quel est le pire service public selon les Français',
	X16: 'Les services publics dématérialisés boudés par les Français, qui préfèrent l’accueil humain',
	X17: 'Pôle emploi et la CAF bons derniers du palmarès des services publics',
	X18: 'Les usagers délivrent une bonne note aux services des CAF (d’après « l’e-ssentiel » n° 178 de la Cnaf, mai 2018)',
	X19: 'Les CAF à l’écoute de leurs allocataires : un niveau élevé… (« l’e-ssentiel » n° 66 de la Cnaf, octobre 2007)',
	X20: 'CAF : des allocataires plutôt satisfaits, notamment pour le RSA (enquête 2011 de la Cnaf, archives Localtis)',
	X21: 'Deux tiers des chômeurs seraient globalement satisfaits de Pôle emploi (ASH n° 2680, automne 2010)',
	X22: 'Le Pôle emploi satisfait une partie des demandeurs d’emploi',
	X23: 'Les chômeurs globalement satisfaits des services rendus par Pôle emploi (baromètre 2013 de Pôle emploi)',
	X24: 'Les entreprises de plus en plus satisfaites des services de Pôle emploi (chiffres de fin juin 2016)',
	X25: 'Une publication incomplète sur le taux de satisfaction des demandeurs d’emploi par rapport à leur agence Pôle emploi',
	X26: 'Question écrite n° 5397 (JO du 7 février 2023), citant un test téléphonique de la Défenseure des droits et de 60 Millions de consommateurs'
};
const METHODS: Record<string, string> = { transcribed: 'retranscrit à la main', extracted: "extrait par script d'un fichier de données", definitions: 'définitions seulement' };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function statedDate(text: string): string {
	const iso = /\b(\d{4}-\d{2}(-\d{2})?)\b/.exec(text);
	if (iso) return iso[1];
	const m = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{4})\\b`, 'i').exec(text);
	return m ? `${m[2]}-${String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, '0')}` : '';
}

function licenceColumns(r: Row): Row {
	const terms = LICENCE_TERMS[r.licence_or_terms];
	if (!terms) throw new Error(`sources.csv: no licence terms for ${r.source_id}: ${r.licence_or_terms}`);
	const row = { licence_id: terms.id, licence_verifiee: terms.verified ? 'oui' : 'non', licence: '' };
	return { ...row, licence: licenceSentence(termsOf(row)) };
}
const sources = new Map<string, Row>();
const titlesUsed = new Set<string>();
for (const r of readTable('sources.csv')) {
	const urlMatch = /https?:\/\/[^\s)]+/.exec(r.location);
	const rest = urlMatch ? r.location.replace(urlMatch[0], '').trim().replace(/^\((.*)\)$/, '$1') : r.location;
	let url = urlMatch?.[0] ?? '', producteur: string | undefined;
	const titre = r.kind === 'document' ? SEED_DOCS[r.source_id]?.title : TITLES[r.source_id];
	if (!titre) throw new Error(`sources.csv: no French title for ${r.source_id}`);
	titlesUsed.add(r.source_id);
	if (r.kind === 'repo') {
		const repo = /^([\w.-]+\/[\w.-]+)(?:@([0-9a-f]{40}))?:/.exec(r.location);
		if (!repo) throw new Error(`sources.csv: unreadable repository in ${r.source_id}`);
		url = `https://github.com/${repo[1]}${repo[2] ? `/tree/${repo[2]}` : ''}`;
		producteur = REPO_PRODUCERS[repo[1]];
	} else if (r.kind === 'document') producteur = DOC_PRODUCERS[r.source_id];
	else {
		const host = new URL(url).hostname.replace(/^www\d?\./, '').replace(/\.$/, '');
		producteur = SOURCE_PRODUCERS[r.source_id] ?? HOSTS[host] ?? (host.endsWith('senat.fr') ? 'Sénat' : host);
	}
	if (!producteur || !METHODS[r.method]) throw new Error(`sources.csv: no producer or method for ${r.source_id}`);
	const commits = r.location.match(/\b[0-9a-f]{40}\b/g) ?? [];
	sources.set(r.source_id, {
		source_id: r.source_id, producteur, titre, url, ...licenceColumns(r),
		date_mise_a_jour: r.source_id in DATE_OVERRIDES ? DATE_OVERRIDES[r.source_id] : statedDate(rest),
		note: joinNotes(METHODS[r.method], commits.length ? `commit${commits.length > 1 ? 's' : ''} ${commits.join(', ')}` : '',
			r.kind === 'page' ? "titre rétabli à partir de l'adresse de la page" : '', r.kind === 'repo' ? 'adresse construite à partir du dépôt et du commit cités' : '')
	});
	count('sources.csv', 'sources');
}

for (const p of READ_PAGES) {
	if (sources.has(p.id)) throw new Error(`Read page ${p.id} is already a source of ../shared/data`);
	const terms = { licence_id: p.licence.id, licence_verifiee: p.licence.verified ? 'oui' : 'non', licence: '' };
	sources.set(p.id, { source_id: p.id, producteur: p.producteur, titre: p.titre, url: p.url, ...terms, licence: licenceSentence(termsOf(terms)), date_mise_a_jour: p.date, note: joinNotes(METHODS.transcribed, p.note) });
}

// ---------- an undated figure takes the date of the document that states it ----------

/**
 * « en novembre 2020 », « au 7 février 2023 »: a figure the source row leaves undated takes the date of
 * publication of its document(s) when they all give the same one; a figure whose source gives no
 * date at all stays undated (shown « non datée »).
 */
const datedFromDocument: string[] = [];
for (const [key, o] of [...values.entries()]) {
	if (o.date) continue;
	const dates = [...new Set(o.source_id.split(';').filter(Boolean).map((id) => sources.get(id)?.date_mise_a_jour ?? ''))];
	if (dates.length !== 1 || !dates[0]) continue;
	const date = dates[0];
	const said = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `publié le ${formatDay(date)}` : `publié en ${formatMonth(date)}`;
	const note = o.note === 'date non précisée dans la source' ? '' : o.note;
	const dated = { ...o, date, note: joinNotes(`daté du document qui le publie (${o.source_id}, ${said})`, note) };
	const newKey = [o.indicateur_id, o.maille, o.code, date].join('|');
	if (values.has(newKey)) throw new Error(`Dating ${key} from its document collides with ${newKey}`);
	values.delete(key);
	values.set(newKey, dated);
	datedFromDocument.push(`\`${o.indicateur_id}\` → ${date} (${o.source_id})`);
}

// ---------- indicator provenance (from the sources of its figures) ----------

const idCmp = (a: string, b: string) => {
	const [, pa, na] = /^([A-Z]+)(\d*)$/.exec(a) ?? [, a, ''], [, pb, nb] = /^([A-Z]+)(\d*)$/.exec(b) ?? [, b, ''];
	return pa! < pb! ? -1 : pa! > pb! ? 1 : Number(na) - Number(nb);
};
const sourcesOf = new Map<string, Set<string>>();
for (const o of [...values.values(), ...targets.values()]) {
	const s = sourcesOf.get(o.indicateur_id) ?? new Set<string>();
	o.source_id.split(';').forEach((x) => s.add(x));
	sourcesOf.set(o.indicateur_id, s);
}
for (const [id, ids] of extraSources) ids.split(';').forEach((x) => sourcesOf.get(id)!.add(x));
const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];

// ---------- output ----------

const header = (name: string): string[] =>
	JSON.parse(readFileSync(resolve(ROOT, `db/schemas/${name}.schema.json`), 'utf8')).fields.map((f: { name: string }) => f.name);
const MAILLE_RANK: Record<string, number> = { national: 0, region: 1, departement: 2 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const obsCmp = (a: Obs, b: Obs) =>
	cmp(a.indicateur_id, b.indicateur_id) || MAILLE_RANK[a.maille] - MAILLE_RANK[b.maille] || cmp(a.code, b.code) || cmp(a.date, b.date);

/** Entity attributes that are dates, codes or qualifiers read by the pages, or a page's own words (`texte`): not notes. */
const CODED_ATTRIBUTES = new Set(['date', 'fieldwork', 'publication', 'source', 'survey', 'page', 'amount_qualifier', 'sample_qualifier', 'texte']);

function write(name: string, rows: Record<string, string | number>[]) {
	const cols = header(name);
	for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) throw new Error(`${name}: column ${k} not in schema`);
	writeFileSync(resolve(OUT, `${name}.csv`), toCsv(cols, rows.map((r) => cols.map((c) => r[c] ?? '')), { raw: true }));
}

/** Main indicator(s) of each politique, shown first (ordre 1…); the others follow in definition order. */
const PRIMARY = [
	'labs-nb-labs-reseau', 'ftap-montant-attribue', 'ftap-nb-laureats', 'ftap-p349-action-01-consommes-cp', 'relance-innovation-publique-enveloppe',
	'complexite-particuliers-pct-complexe-moyenne', 'complexite-entreprises-pct-complexe-moyenne', 'complexite-confiance-particuliers-pct-confiance',
	'spp-delouvrier-satisfaction-usagers-moyenne', 'spp-delouvrier-opinion-positive-moyenne', 'spp-barometre-2025-satisfaction-globale',
	'spp-plan-telephone-taux-decroche-par-un-agent', 'spp-reseaux-taux-satisfaits-pole-emploi-demandeurs'
];
const ordre = new Map<string, number>();
for (const pid of Object.keys(POLITIQUES)) {
	const rank = (id: string) => (PRIMARY.includes(id) ? PRIMARY.indexOf(id) - PRIMARY.length : indicators.get(id)!.seq);
	[...indicators.keys()].filter((id) => indicators.get(id)!.politique_id === pid).sort((a, b) => rank(a) - rank(b)).forEach((id, i) => ordre.set(id, i + 1));
}
for (const id of PRIMARY) if (!indicators.has(id)) throw new Error(`Unknown primary indicator ${id}`);

mkdirSync(OUT, { recursive: true });
const indicatorRows = [...indicators.entries()].sort(([a], [b]) => cmp(a, b)).map(([id, d]) => {
	const ids = [...(sourcesOf.get(id) ?? [])].sort(idCmp);
	if (!ids.length) throw new Error(`Indicator ${id} has no figure`);
	const src = ids.map((s) => sources.get(s) ?? (() => { throw new Error(`Unknown source ${s} (${id})`); })());
	const [famille_id] = POLITIQUES[d.politique_id];
	return {
		indicateur_id: id, famille_id, famille: FAMILIES[famille_id], theme_id: d.theme_id, theme: THEMES[d.theme_id], politique_id: d.politique_id,
		politique: POLITIQUES[d.politique_id][1], nom: d.nom, description: frenchText(d.description), unite: d.unite, unite_libelle: d.unite_libelle ?? '', sens: d.sens,
		cumulatif: d.cumulatif ?? 'non', frequence: d.frequence ?? '', producteur: uniq(src.map((s) => s.producteur)).join(' ; '),
		licence: licencesLine(src.map(termsOf)), url_source: src.find((s) => s.url)?.url ?? '',
		date_mise_a_jour: src.map((s) => s.date_mise_a_jour).sort().at(-1) ?? '', source_id: ids.join(';'), note: frenchText(d.note ?? ''), ordre: ordre.get(id)!
	};
});
write('indicateurs', indicatorRows);
const obsRow = (o: Obs) => {
	const ind = indicators.get(o.indicateur_id) ?? sharedUsed.get(o.indicateur_id)!; // own indicator, or another folder's (label and unit from there)
	return {
		indicateur_id: o.indicateur_id, indicateur: ind.nom, maille: o.maille, code_territoire: o.code,
		territoire: territoryNames.get(`${o.maille}|${o.code}`) ?? '', date: o.date, valeur: o.valeur, unite: ind.unite,
		qualificatif: o.qualificatif, source_id: o.source_id, note: frenchText(o.note)
	};
};
write('valeurs', [...values.values()].sort(obsCmp).map(obsRow));
write('cibles', [...targets.values()].sort(obsCmp).map((o) => {
	const { indicateur, territoire, unite, ...rest } = obsRow(o);
	return { ...rest, type: 'cible' };
}));
write('entites', [...entities.values()].sort((a, b) => cmp(a.entite_id, b.entite_id)).map((e) => ({
	entite_id: e.entite_id, type: e.type, nom: e.nom, maille: e.maille, code_territoire: e.code, date: e.date, attributs: JSON.stringify(e.attributs, function (k, v) {
		return typeof v === 'string' && !Array.isArray(this) && !CODED_ATTRIBUTES.has(k) ? frenchText(v) : v;
	}), source_id: e.source_id
})));
write('sources', [...sources.values()].sort((a, b) => idCmp(a.source_id, b.source_id)));

// ---------- checks on the written files ----------

function readOut(name: string): Row[] {
	const [h, ...rows] = parseCsv(readFileSync(resolve(OUT, `${name}.csv`), 'utf8'));
	if (h.join(',') !== header(name).join(',')) throw new Error(`${name}.csv: header differs from the schema`);
	return rows.map((c) => Object.fromEntries(h.map((k, i) => [k, c[i]])));
}
const out = Object.fromEntries(['indicateurs', 'valeurs', 'cibles', 'entites', 'sources'].map((n) => [n, readOut(n)]));
const problems: string[] = [];
const indIds = new Set(out.indicateurs.map((r) => r.indicateur_id));
for (const id of Object.keys(TITLES)) if (!titlesUsed.has(id)) problems.push(`TITLES: ${id} matches no source`);
for (const id of indIds) if (otherIndicators.has(id)) problems.push(`indicateurs: ${id} is already defined in db/seed/${otherIndicators.get(id)!.folder}`);
/** Ids a row may cite: ours, or those of the other folders of the release. */
const knownIds = new Set([...indIds, ...otherIndicators.keys()]);
const srcIds = new Set(out.sources.map((r) => r.source_id));
const checkSources = (file: string, r: Row) =>
	r.source_id.split(';').filter(Boolean).forEach((s) => srcIds.has(s) || problems.push(`${file}: unknown source ${s}`));
for (const [file, keyCols, dateRequired] of [['valeurs', ['indicateur_id', 'maille', 'code_territoire', 'date'], false], ['cibles', ['indicateur_id', 'maille', 'code_territoire', 'type', 'date'], true]] as const) {
	const keys = new Set<string>();
	for (const r of out[file]) {
		const key = keyCols.map((c) => r[c]).join('|');
		if (keys.has(key)) problems.push(`${file}: duplicate key ${key}`);
		keys.add(key);
		if (!knownIds.has(r.indicateur_id)) problems.push(`${file}: unknown indicator ${r.indicateur_id}`);
		const other = otherObs[file].get([r.indicateur_id, r.maille, canonCode(r.code_territoire), ...(file === 'cibles' ? [r.type] : []), r.date].join('|'));
		if (other) problems.push(`${file}: ${key} is already in db/seed/${other.folder} (a figure is stored once)`);
		if (!NUM_RE.test(r.valeur)) problems.push(`${file}: bad valeur "${r.valeur}" (${key})`);
		if (!(r.date === '' ? !dateRequired : DATE_RE.test(r.date))) problems.push(`${file}: bad date "${r.date}" (${key})`);
		if (!(r.maille in MAILLE_RANK)) problems.push(`${file}: bad maille ${r.maille}`);
		checkSources(file, r);
	}
}
for (const r of out.indicateurs) {
	checkSources('indicateurs', r);
	if (!['hausse', 'baisse', 'neutre'].includes(r.sens) || !['oui', 'non', ''].includes(r.cumulatif)) problems.push(`indicateurs: bad enum in ${r.indicateur_id}`);
	for (const c of ['famille_id', 'politique_id', 'nom', 'unite', 'producteur', 'licence']) if (!r[c]) problems.push(`indicateurs: empty ${c} in ${r.indicateur_id}`);
	if (r.date_mise_a_jour && !DATE_RE.test(r.date_mise_a_jour)) problems.push(`indicateurs: bad date in ${r.indicateur_id}`);
}
for (const r of out.entites) {
	checkSources('entites', r);
	const a = JSON.parse(r.attributs);
	if (typeof a !== 'object' || a === null || Array.isArray(a)) problems.push(`entites: attributs of ${r.entite_id} is not an object`);
	if (r.date && !DATE_RE.test(r.date)) problems.push(`entites: bad date in ${r.entite_id}`);
}
for (const r of out.sources) if (!r.producteur || !r.titre || !r.licence || (r.date_mise_a_jour && !DATE_RE.test(r.date_mise_a_jour))) problems.push(`sources: incomplete ${r.source_id}`);
for (const c of CORRECTIONS) if (!c.used) problems.push(`correction matches no row of ${c.file}: ${JSON.stringify(c.match)}`);
const unusedSources = [...srcIds].filter((s) => ![...out.valeurs, ...out.cibles, ...out.entites, ...out.indicateurs].some((r) => r.source_id.split(';').includes(s)));

// ---------- reconciliation ----------

const reconciliation: string[] = [];
for (const [file, n] of [...rowsRead.entries()].sort(([a], [b]) => cmp(a, b))) {
	const dests = [...(tally.get(file) ?? new Map()).entries()].sort(([a], [b]) => cmp(a, b));
	const written = dests.reduce((s, [, k]) => s + k, 0);
	if (written !== n) problems.push(`${file}: ${n} rows read, ${written} accounted for`);
	reconciliation.push(`| \`${file}\` | ${n} | ${dests.map(([d, k]) => `${k} → ${d}`).join(' ; ')} |`);
}
if (problems.length) {
	console.error(problems.join('\n'));
	throw new Error(`${problems.length} check(s) failed`);
}

// ---------- SOURCES.md ----------

const byPolitique = [...Object.entries(POLITIQUES)].map(([pid, [fid, nom]]) => {
	const inds = out.indicateurs.filter((r) => r.politique_id === pid);
	const sharedIds = [...sharedUsed.entries()].filter(([, u]) => u.politique_id === pid).map(([id]) => id).sort(cmp);
	const ids = new Set([...inds.map((i) => i.indicateur_id), ...sharedIds]);
	const themes = uniq(inds.map((r) => r.theme_id)).sort().map((t) => `\`${t}\` (${inds.filter((r) => r.theme_id === t).length})`).join(', ') || '—';
	const sharedText = sharedIds.map((id) => `\`${id}\` (\`${sharedUsed.get(id)!.folder}\`)`).join(', ') || '—';
	return `| \`${fid}\` | \`${pid}\` — ${nom} | ${themes} | ${inds.length} | ${sharedText} | ${out.valeurs.filter((v) => ids.has(v.indicateur_id)).length} |`;
});

// Series shared with the other folders: what was found identical there, what was added here.
const sharedRows = [...sharedUsed.entries()].map(([id, u]) => {
	const t = sharedTally.get(id)!;
	return `| ${u.from.replace(/^(\S+) : (\S+)$/, '`$1` : `$2`')} | \`${id}\` (\`${u.folder}\`) — ${u.nom} | ${[...t.sources].sort(idCmp).join(', ')} | ${t.identiques.valeurs} | ${t.ajoutees.valeurs} | ${t.identiques.cibles} | ${t.ajoutees.cibles} |`;
});
const addedGroups = new Map<string, { n: number; sources: Set<string> }>();
for (const [dest, rows] of [['valeurs', out.valeurs], ['cibles', out.cibles]] as const)
	for (const r of rows.filter((x) => sharedUsed.has(x.indicateur_id))) {
		const k = `\`${r.indicateur_id}\` (\`${sharedUsed.get(r.indicateur_id)!.folder}\`) : ${dest}${dest === 'cibles' ? ` (${r.type})` : ''}, maille ${r.maille}, date ${r.date}`;
		const g = addedGroups.get(k) ?? { n: 0, sources: new Set<string>() };
		g.n++, r.source_id.split(';').forEach((x) => g.sources.add(x));
		addedGroups.set(k, g);
	}
const addedLines = [...addedGroups.entries()].map(([k, g]) => `- ${k} — ${g.n} ligne${g.n > 1 ? 's' : ''} (source ${[...g.sources].sort(idCmp).join(', ')})`);
/** Why a source of sources.csv is cited by no row here. */
const DEFINITION_SOURCES: Record<string, string> = { S03: 'définitions et liste des réseaux de `tx-transparence-resultats`, dossier `barometre-2017-2022`', W04: 'fiche lue sans aucun résultat, voir « Pages publiques lues »' };
const unusedReason = (s: string) => {
	const folders = uniq([...sharedTally.entries()].filter(([, t]) => t.sources.has(s)).map(([id]) => sharedUsed.get(id)!.folder));
	return folders.length ? `${s} (toutes ses lignes sont identiques dans ${folders.map((f) => `\`${f}\``).join(', ')}, non répétées)` : DEFINITION_SOURCES[s] ? `${s} (${DEFINITION_SOURCES[s]})` : s;
};
const ftapProjects = out.entites.filter((e) => e.type === 'projet-ftap');
const ftapProjectCount = ftapProjects.length, ftapWithAmount = ftapProjects.filter((e) => typeof JSON.parse(e.attributs).amount_eur === 'number').length;
const entityTypes = uniq(out.entites.map((e) => e.type)).sort().map((t) => `${out.entites.filter((e) => e.type === t).length} \`${t}\``).join(', ');
const md = `# Programmes : laboratoires, FTAP et France Relance, complexité administrative, Services Publics+

Fichiers générés par \`npx tsx scripts/seed-sources/programmes.ts\` à partir du dossier en lecture seule \`../shared/data/programmes/\` (son \`SOURCES.md\` décrit chaque fichier, ses lacunes et ses conflits). Ne pas modifier à la main : corriger la source ou le script, puis relancer (sortie identique octet pour octet d'une exécution à l'autre).

## Contenu

| fichier | lignes |
|---|---|
| \`indicateurs.csv\` | ${out.indicateurs.length} |
| \`valeurs.csv\` | ${out.valeurs.length} |
| \`cibles.csv\` | ${out.cibles.length} |
| \`entites.csv\` | ${out.entites.length} (${entityTypes}) |
| \`sources.csv\` | ${out.sources.length} |

| famille | politique | thèmes (indicateurs) | indicateurs | séries d'un autre dossier | valeurs écrites ici |
|---|---|---|---|---|---|
${byPolitique.join('\n')}

## Provenance et méthode

- **Extrait par script** (commits épinglés, voir \`sources.csv\`) : taux de transparence et satisfaction Delouvrier DITP (S01, dépôt \`etalab/barometre-resultats\`), labellisations France services (S02, même dépôt), satisfaction France services IND-246 (S04, \`DITP-pilotage/barometre-resultats\`), satisfaction SignalConso IND-27 (X12, copie de l'open data Services Publics+ dans \`betagouv/signalconso-website\`). Les séries de S01, S02 et S04 existent déjà dans les autres dossiers de \`db/seed/\` : seuls les chiffres qui y manquent sont écrits ici (voir « Séries communes avec les autres dossiers »).
- **Retranscrit à la main** : tout le reste, depuis des pages du ministère (modernisation.gouv.fr), du Sénat, de budget.gouv.fr, de la Cour des comptes, des dossiers de presse DITP (DOC01–DOC06) et de la presse. Seule l'ouverture de chaque page a pu être lue.
- Aucune valeur n'est calculée, interpolée ou estimée ; les écarts en points ne sont repris que là où la source les publie et aucun niveau n'en est déduit.

## Licences

- S01, S02 : données publiées par la DITP sur data.gouv.fr sous Licence Ouverte / Etalab 2.0 (code du dépôt sous MIT). S03 : Licence Ouverte 2.0.
- S04 et X12 : pas de fichier de licence dans le dépôt ; mêmes données que celles publiées par la DITP (Licence Ouverte 2.0 pour S04 ; licence du portail Services Publics+ non vérifiée pour X12). **À vérifier avant redistribution.**
- Pages publiques (gouv.fr, senat.fr, ccomptes.fr, vie-publique.fr…) : information publique, réutilisable en principe sous Licence Ouverte / Etalab 2.0 (mentions légales non vérifiées page par page).
- Presse, blogs, forums et copies de documents : texte sous droit d'auteur ; seuls des chiffres et de courts libellés sont repris, avec la source. Les notes de licence de la source deviennent deux colonnes (table \`LICENCE_TERMS\` du script) : \`licence_id\` (\`etalab-2.0\`, \`droit-auteur\`, \`inconnue\`) et \`licence_verifiee\` (\`oui\` si la licence a été lue dans la source elle-même) ; la colonne \`licence\` en est la phrase française (src/lib/source-text.ts), la même que sur le site.

## Choix de conversion

- **Chiffres** : le texte du nombre est copié tel quel (\`95.0\` reste \`95.0\`) ; les réserves (\`>\`, \`<\`, \`<=\`, \`approx.\`, \`pres de\`, \`approx. (une quinzaine)\`…) sont dans \`qualificatif\`.
- **Dates** : précision de la source. Une période \`a/b\` (\`2018/2022\`, \`2019/2020\`, \`2023/2025\`, \`2018/2024\`, \`2025-01/2025-03\`) est datée de sa **fin** et la période est écrite dans \`note\` (« période 2018/2022 »). Les consommations budgétaires « à date » sont datées du jour de situation (\`as_of\`), l'exercice est dans \`note\`. Sans date dans la source, \`date\` est vide et la note le dit.
- **Découpages** que la clé indicateur × territoire × date ne peut porter (événement de vie, service, public, ligne budgétaire AE/CP, LFI/ouvert/consommé, action du programme 349, vague de comparaison d'un écart) : indicateurs distincts. Les écarts en points portent la vague de comparaison dans leur identifiant (\`…-vs-2015\`).
- **Libellés** : les libellés sans accents de la source (événements de vie, services, noms de laboratoires) sont réécrits en français accentué, sans en changer le sens. Les notes par valeur sont celles de la source, complétées au besoin (périmètre, période) ; tapées sans accents ni apostrophes dans la source, elles sont écrites en français (liste de mots \`WORDS\` et \`PHRASES\` de \`scripts/seed-sources/french-text.ts\`, vérifiée sur chaque note), leurs dates ISO en toutes lettres ; les citations « … » restent telles quelles.
- **Laboratoires** : les chiffres propres à un laboratoire (SIILAB, LaBase, Lab Archipel, Lab-O, Innov Mandie, Fabrique RH) sont des indicateurs à la maille région, nommés d'après le laboratoire, car chacun est le seul laboratoire de sa région dans la liste (le script le vérifie) ; l'entité du laboratoire liste ces indicateurs dans \`attributs.indicateurs\`. Les réseaux et appels (PIA 2016) sont au national. Le Lab Logistique (Martinique) est un laboratoire de la collectivité, hors réseau de l'État : \`status_note\` le dit.
- **FTAP** : les lauréats de FTAP 2 (sélections de 2023) sont dans les mêmes séries « lauréats » et « montant attribué » que FTAP 1, avec le périmètre en note ; la série cumulée FTAP 1 réunit 81, 107 et 126 projets ; les cumuls FTAP 1 + FTAP 2 (Cour des comptes, page non datée) sont des indicateurs à part. \`policy_domain\` des projets est un libellé court déduit du nom du projet, pas un champ de la source.
- **Doublons identiques** : deux lignes sources qui donnent le même chiffre pour la même clé sont fusionnées en une valeur qui cite les deux sources (liste ci-dessous) ; toute autre clé en double arrête le script.
- **Sources** : \`producteur\` est tiré de l'adresse (ou du dépôt, ou du document ; pour une page qui reprend un autre média ou copie un document, l'origine citée dans la source) ; \`titre\` est celui de la page tel que son adresse l'écrit, accents, apostrophes et majuscules rétablis (« … » là où l'adresse le coupe ; table \`TITLES\`), ou, pour une adresse sans mots (rapports du Sénat, annexes budgétaires), ce que le dossier source dit de la page ; aucune note du dossier source (en anglais) n'y est reprise ; pour les dépôts, \`url\` pointe vers le commit cité. \`date_mise_a_jour\` n'est remplie que si la source donne une date de publication (S02 reprend la date du commit de S01, qui est le même).

## Séries communes avec les autres dossiers

Ce dossier est importé avec \`db/seed/barometre-2017-2022/\` et \`db/seed/politiques-prioritaires/\` en une seule livraison, et l'import résout les identifiants d'indicateurs sur toute la livraison. Les séries extraites des dépôts de la DITP ci-dessous y sont déjà, sous leur propre identifiant : elles n'ont **pas d'indicateur ici**, et les pages des programmes utilisent l'identifiant existant. Chaque ligne source est comparée à l'autre dossier (même indicateur, maille, territoire, date, et type pour une cible ; nombre comparé numériquement, même qualificatif) :

- chiffre identique dans l'autre dossier : **non répété** ici (compté ci-dessous et dans le rapprochement) ;
- chiffre absent de l'autre dossier : **écrit ici sous l'identifiant existant**, avec sa propre \`source_id\` et une note « valeur absente des données des politiques prioritaires, reprise de la source … » ;
- chiffre différent pour la même clé : le script s'arrête sans rien écrire et affiche le conflit (aucun à ce jour).

| série source | indicateur existant (dossier) | sources | valeurs identiques, non répétées | valeurs ajoutées ici | cibles identiques, non répétées | cibles ajoutées ici |
|---|---|---|---|---|---|---|
${sharedRows.join('\n')}

Chiffres ajoutés ici à des indicateurs d'un autre dossier :
${addedLines.join('\n') || '- aucun'}

Remarques de lecture sur ces séries (les notes de l'autre dossier ne sont pas modifiées ici) :
${[...Object.entries(SHARED_NOTES)].map(([id, n]) => `- \`${id}\` : ${n}`).join('\n')}

## Conflits gardés

- Appel PIA 2016 : 16 candidatures (L01) et 17 projets déposés (L02) — deux indicateurs.
- Année de création : LAB'L (2022 selon L09, 2021 selon DOC04 — les deux dans \`annees_creation_sources\`) ; LaBase (créé en 2016 selon L12, inauguré mi-2017 selon L11) ; Lab Archipel (2016 selon L08, premier anniversaire à l'été 2018 selon L10).
- Taille du réseau : 12, 14 puis 16 laboratoires selon les sources et les dates.
- FTAP : numérotation des appels ; cumuls de périmètres différents (81, 107, 126, 149, 150).
- CAF 2007 : 96 % (Cnaf, X19) et 97 % (Localtis, X20) — deux indicateurs.
- Pôle emploi mi-2016 : 64,4 % (X24) et 64,5 % « suivi » (X25) — deux indicateurs.
- Baromètre Delouvrier : les vagues 2019 et 2021 existent dans l'indicateur DITP \`tx-satisfaction-usagers-services-publics\` (S01, dossier \`barometre-2017-2022\`) et dans les articles (\`spp-delouvrier-satisfaction-usagers-moyenne\`, ici) ; indicateurs séparés, valeurs identiques.
- Confiance des particuliers 2020 : écart publié par rapport à une vague « 2019 » que la liste des vagues ne connaît pas.
- Complexité : 2011 entreprises (échantillon 1 600 ou 1 620, dans l'entité de vague ; moyenne 33 %) ; usage d'internet 2018 (36 % repris, 37 % impliqué par un autre article, non repris).

## Lacunes connues

- Laboratoires : 2 à 3 laboratoires de l'État non identifiés ; pas d'année de création pour Lab-O, InSo Lab et État'LIN ; chiffres d'activité rares et souvent non datés ; rien par département.
- FTAP : pas de liste complète des lauréats avec montants (${ftapProjectCount} projets, ${ftapWithAmount} avec montant, sur 126 à 149) ; pas de ventilation territoriale hors enveloppes des préfets ; pas de PLR 2018 ni 2024 ; en 2024, AE ou CP non précisé.
- France Relance : enveloppes nationales seulement ; rien par région, laboratoire ou défi, ni sur la consommation.
- Complexité : pas de tableaux complets par événement de vie ; rien par événement pour les particuliers 2020 et 2022 ; moyennes particuliers 2020 et 2022 absentes ; aucune vague entreprises après 2017.
- Services Publics+ : pas de résultats par réseau et par département (seul SignalConso) ; pas de valeurs régionales de transparence ni de satisfaction France services ; pas de résultats récents des baromètres propres aux réseaux ; pas de résultats par engagement ; satisfaction Delouvrier par domaine très partielle.

## Chiffres ajoutés depuis les documents sources

Chiffres que les documents de \`../shared/seeds/\` donnent et que \`../shared/data/programmes/\` ne reprend pas (table \`DOCUMENT_FACTS\`) : chacun avec la date du document, le qualificatif de la source et ses mots dans \`note\`.

${DOCUMENT_FACTS.map((d) => `- \`${d.id}\` = ${d.qualificatif ? `${d.qualificatif} ` : ''}${d.valeur} (${d.date}, ${cite(d.source_id)}) : « ${d.quote} ».`).join('\n')}
- Laboratoires cités parmi « les laboratoires d'innovation territoriale aujourd'hui » dans le dossier de novembre 2021 (${cite('DOC04')}) : attribut \`actif_selon\` de ${[...ACTIVE_NOV_2021].map((id) => labName(id)).join(', ')}.

## Pages publiques lues (issue 13)

Pages que nomme l'issue 13 (« Fill the thin series from public sources »), lues avec l'outil de recherche sur des copies stockées (pas le site en direct) : seule l'ouverture de chaque page est lisible. N'est repris que ce que le texte lu dit, avec ses mots (table de \`scripts/seed-sources/programmes-pages.ts\`) ; ce qu'il ne donne pas reste une lacune, écrite sur la page du site qu'elle concerne.

| source | titre | adresse | date de la page | note |
|---|---|---|---|---|
${READ_PAGES.map((p) => `| ${p.id} | ${p.titre} | ${p.url} | ${p.date || 'non datée'} | ${p.note} |`).join('\n')}

Chiffres transcrits :
${PAGE_FACTS.map((f) => `- \`${f.indicator}\` = ${f.qualificatif ? `${f.qualificatif} ` : ''}${f.valeur} (${f.date}, ${f.source_id}) : « ${f.quote} ».`).join('\n')}
- Engagements de Services Publics+ nommés par ${uniq(SPP_ENGAGEMENTS.map((e) => e.source_id)).join(', ')} (entités \`engagement-services-publics-plus\`, texte de la page) : ${SPP_ENGAGEMENTS.map((e) => `n° ${e.numero} « ${e.texte} »`).join(' ; ')}.
- Vague 2020 du baromètre « Les Français et le droit à l'erreur » : échantillon de 2 028 personnes (W03, voir « Corrections »).

## Lacunes des pages lues, et la source qui les comblerait

Chacune est une entité \`lacune\` (attribut \`page\` : la page du site où elle est dite ; \`source_id\` : la source qui la comblerait), affichée dans « Ce que les sources ne disent pas » de cette page avec l'adresse de la source.

${SOURCE_GAPS.map((g) => `- \`/programmes/${g.page}\` : ${g.texte} Source qui la comblerait : ${g.source_id}, ${sources.get(g.source_id)?.url ?? '?'}.`).join('\n')}

## Recherches

Chaque recherche lancée pour l'issue 13 (outil \`search\`, copies stockées), et ce qu'elle a donné.

| corpus | requête | résultat |
|---|---|---|
${SEARCHES.map((q) => `| ${q.corpus} | ${q.query.replace(/\|/g, '\\|')} | ${q.found.replace(/\|/g, '\\|')} |`).join('\n')}

## Corrections d'après les documents sources

Les fichiers de \`../shared/data/programmes/\` sont en lecture seule ; là où une ligne ne reprend pas son document tel qu'il est écrit, le script la corrige (table \`CORRECTIONS\`) et la correction est citée ici. Les documents sont ceux de \`../shared/seeds/\` (fichier et titre ci-dessous) ou la page citée.

${CORRECTIONS.map((c) => `- \`${c.file}\` ${Object.entries(c.match).map(([k, v]) => `${k}=${v}`).join(', ')} → ${Object.entries(c.set).map(([k, v]) => `${k}=${v || '(vide)'}`).join(', ')} (${c.used} ligne${c.used! > 1 ? 's' : ''}) : ${c.why}.`).join('\n')}
- Un chiffre que la ligne source laisse sans date prend la date de publication de son document quand celui-ci est daté (note « daté du document qui le publie ») : ${datedFromDocument.join(' ; ') || 'aucun'}. Un chiffre dont la source ne donne aucune date reste « non daté ».

Documents sources (\`../shared/seeds/\`) : ${Object.entries(SEED_DOCS).map(([id, d]) => `${id} = \`${d.file}\`, ${d.title}`).join(' ; ')}.

## Rapprochement : chaque ligne source et sa destination

| fichier source | lignes lues | lignes écrites |
|---|---|---|
${reconciliation.join('\n')}

Fusions de lignes identiques :
${merges.map((m) => `- ${m}`).join('\n')}

Lignes non converties en valeur ou cible :
${notConverted.map((m) => `- ${m}`).join('\n') || '- aucune'}

Sources de \`sources.csv\` citées par aucune valeur, cible, entité ni indicateur de ce dossier (gardées pour mémoire) : ${unusedSources.sort(idCmp).map(unusedReason).join(', ') || 'aucune'}.
`;
writeFileSync(resolve(OUT, 'SOURCES.md'), md);

// ---------- report ----------

console.log(`Read ${FROM}\nWrote ${OUT}`);
for (const n of Object.keys(out)) console.log(`  ${n}.csv: ${out[n].length} rows`);
console.log('Reconciliation (rows read → rows written):');
for (const line of reconciliation) console.log('  ' + line.replace(/^\| |\|$/g, '').replace(/ \| /g, ' | '));
for (const m of merges) console.log(`  merged: ${m}`);
for (const m of notConverted) console.log(`  not converted: ${m}`);
console.log('Series shared with the other seed folders (identical → not repeated; missing → added under the existing id):');
for (const [id, u] of sharedUsed) {
	const t = sharedTally.get(id)!;
	console.log(`  ${id} (${u.folder}) ← ${u.from}: valeurs ${t.identiques.valeurs} identical, ${t.ajoutees.valeurs} added; cibles ${t.identiques.cibles} identical, ${t.ajoutees.cibles} added`);
}
console.log('Conflicts with the other seed folders: none');
console.log(`Unused sources: ${unusedSources.sort(idCmp).join(', ') || 'none'}`);
console.log('Checks passed: indicator ids (here or in the other folders), source ids, unique keys (here and across the release), numeric values, dates, enums, JSON attributes.');

/**
 * The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json and rendered
 * for people at /donnees/api. Query parameters come from `params.ts`, the same definitions the
 * handlers validate with.
 */
import { COMPARISON_EXAMPLE } from './openapi-examples';
import {
	ENDPOINT_PARAMETERS,
	ENDPOINT_VARIANTS,
	MAX_COMPARED,
	MAX_QUERY_LENGTH,
	MAX_TERRITORIES,
	MIN_COMPARED,
	PARAMETER_VARIANTS,
	PARAMETERS,
	type Endpoint,
	type ParameterName,
	type VariantName
} from './params';
import { ETALAB } from './serialise';

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const array = (items: unknown) => ({ type: 'array', items });
const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', properties, required });

const DATE = { type: 'string', pattern: '^(\\d{4}(-\\d{2}(-\\d{2})?)?)?$', description: 'AAAA, AAAA-MM ou AAAA-MM-JJ, à la précision de la source.' };
const LEVEL = { type: 'string', enum: ['national', 'region', 'departement'] };
const DATED = object({ date: DATE, valeur: { type: 'number' } });
const STATUS = {
	type: 'string',
	enum: ['atteinte', 'en-bonne-voie', 'en-retard', 'sans-cible', 'non-significative', 'non-evaluable'],
	description: 'Jugé à la date de la dernière valeur (statut_date) ; « non-evaluable » : en bonne voie alors, mais cette valeur est trop ancienne ou l’échéance est passée depuis ; « non-significative » : cible égale à la valeur initiale, ou nulle pour un indicateur à la hausse.'
};
const ID_NAME = object({ id: { type: 'string' }, nom: { type: 'string' } });

const schemas = {
	Erreur: object({ erreur: { type: 'string' }, parametre: { type: 'string', description: 'Le paramètre en cause (400).' } }, ['erreur']),
	SourceLicence: object({
		source: object({
			producteur: { type: 'string' },
			url: nullable('string'),
			date_mise_a_jour: nullable('string', { description: 'Dernière mise à jour de la source.' }),
			donnees_importees_le: nullable('string', { format: 'date-time', description: 'Import de la livraison dans Baromètre.' })
		}),
		licence: object({ nom: { type: 'string' }, url: { type: 'string' }, attribution: { type: 'string', description: 'Mention à reprendre.' } })
	}),
	Indicateur: object({
		id: { type: 'string', examples: ['IND-200'] },
		nom: { type: 'string' },
		description: nullable('string'),
		famille: object({ id: { type: 'string' }, nom: { type: 'string' } }),
		theme: { oneOf: [object({ id: { type: 'string' }, nom: { type: 'string' } }), { type: 'null' }] },
		politique: object({ id: { type: 'string' }, nom: { type: 'string' }, axe: nullable('string') }),
		unite: { type: 'string' },
		unite_libelle: nullable('string'),
		sens: { type: 'string', enum: ['hausse', 'baisse', 'neutre'] },
		cumulatif: { type: 'boolean' },
		frequence: nullable('string'),
		mailles: array(LEVEL),
		producteur: { type: 'string' },
		licence: { type: 'string' },
		url_source: nullable('string'),
		date_mise_a_jour: nullable('string'),
		sources_detaillees: array({ type: 'string' }),
		note: nullable('string'),
		liens: { type: 'object', additionalProperties: { type: 'string' } }
	}),
	Resume: object({
		derniere_valeur: { oneOf: [object({ date: DATE, valeur: { type: 'number' }, qualificatif: nullable('string') }), { type: 'null' }] },
		valeur_initiale: { oneOf: [DATED, { type: 'null' }] },
		cible: { oneOf: [DATED, { type: 'null' }], description: 'La cible la plus tardive : celle du taux d’avancement.' },
		prochaine_cible: { oneOf: [DATED, { type: 'null' }] },
		evolution: { oneOf: [object({ absolue: nullable('number'), pourcentage: nullable('number') }), { type: 'null' }] },
		taux_avancement: nullable('number', { minimum: 0, maximum: 100, description: 'Calculé par Baromètre (règle DITP), non arrondi.' }),
		taux_avancement_publie: { oneOf: [object({ date: DATE, taux: { type: 'number' } }), { type: 'null' }] },
		statut: { oneOf: [STATUS, { type: 'null' }] },
		statut_date: { oneOf: [DATE, { type: 'null' }], description: 'Date de la valeur sur laquelle le statut est jugé.' },
		statut_libelle: nullable('string', { description: 'Le statut en une phrase, avec la date de la valeur jugée.' })
	}),
	Territoire: object({
		id: { type: 'string', examples: ['FR', 'R84', 'D2A'] },
		maille: LEVEL,
		code_insee: { type: 'string' },
		nom: { type: 'string' },
		parent: nullable('string'),
		population: nullable('integer'),
		chef_lieu: nullable('string'),
		liens: { type: 'object', additionalProperties: { type: 'string' } }
	}),
	Valeur: object({
		maille: LEVEL,
		code_territoire: { type: 'string', description: 'Code INSEE : FR, 84, 2A, 971.' },
		territoire_id: { type: 'string', description: 'Code public : FR, R84, D2A.' },
		territoire: { type: 'string' },
		date: DATE,
		valeur: { type: 'number' },
		qualificatif: nullable('string'),
		note: nullable('string')
	}),
	Cible: object({
		maille: LEVEL,
		code_territoire: { type: 'string' },
		territoire_id: { type: 'string' },
		type: { type: 'string', enum: ['initiale', 'cible'] },
		date: DATE,
		valeur: { type: 'number' },
		qualificatif: nullable('string'),
		note: nullable('string')
	}),
	TerritoireCompare: object({
		id: { type: 'string', examples: ['R84'] },
		maille: LEVEL,
		code_insee: { type: 'string' },
		nom: { type: 'string' },
		population: nullable('integer'),
		liens: { type: 'object', additionalProperties: { type: 'string' } }
	}),
	ValeurComparee: object({
		territoire_id: { type: 'string', description: 'Code public du territoire : FR, R84, D2A.' },
		date: nullable('string', { pattern: DATE.pattern, description: 'Date de la dernière valeur ; null si le territoire n’en a pas (la France peut ne pas en avoir).' }),
		valeur: nullable('number', { description: 'Dernière valeur, telle que publiée.' }),
		qualificatif: nullable('string'),
		valeur_pour_100000_habitants: nullable('number', { description: 'Pour les montants (pour_100000_habitants vrai) : valeur × 100 000 ÷ population. Non arrondie.' }),
		ecart_france: nullable('number', {
			description: 'Valeur moins celle de la France (pour 100 000 habitants pour un montant) ; null pour la France ou si l’une manque. Non arrondi.'
		}),
		ecart_dates_differentes: { type: 'boolean', description: 'Vrai quand l’écart compare des valeurs de dates différentes.' },
		cible: { oneOf: [DATED, { type: 'null' }], description: 'La cible la plus tardive du territoire : celle du taux d’avancement.' },
		taux_avancement: nullable('number', { minimum: 0, maximum: 100, description: 'Calculé par Baromètre (règle DITP), non arrondi.' }),
		statut: { oneOf: [STATUS, { type: 'null' }] },
		statut_date: { oneOf: [DATE, { type: 'null' }], description: 'Date de la valeur sur laquelle le statut est jugé.' },
		statut_libelle: nullable('string', { description: 'Le statut en une phrase, avec la date de la valeur jugée.' }),
		rang: nullable('integer', {
			minimum: 1,
			description: 'Rang parmi les territoires de même maille ayant une valeur à la même date (1 = le plus favorable selon le sens ; pour 100 000 habitants pour un montant) ; null pour la France.'
		}),
		territoires_classes: nullable('integer', { description: 'Nombre de territoires classés : le rang se lit « rang sur territoires_classes ».' })
	}),
	IndicateurCompare: object({
		id: { type: 'string', examples: ['IND-200'] },
		nom: { type: 'string' },
		famille: ID_NAME,
		theme: { oneOf: [ID_NAME, { type: 'null' }] },
		politique: object({ id: nullable('string'), nom: { type: 'string' } }),
		unite: { type: 'string' },
		sens: { type: 'string', enum: ['hausse', 'baisse', 'neutre'] },
		pour_100000_habitants: { type: 'boolean', description: 'Montant : comparé, écarté de la France et classé pour 100 000 habitants.' },
		producteur: nullable('string'),
		licence: nullable('string'),
		url_source: nullable('string'),
		date_mise_a_jour: nullable('string', { description: 'Dernière mise à jour de la source.' }),
		liens: { type: 'object', additionalProperties: { type: 'string' } },
		valeurs: array(ref('ValeurComparee'))
	}),
	Comparaison: {
		allOf: [
			ref('SourceLicence'),
			object({
				filtres: object({ territoires: array({ type: 'string' }), famille: nullable('string'), theme: nullable('string') }),
				territoires: array(ref('TerritoireCompare')),
				france: { oneOf: [ref('TerritoireCompare'), { type: 'null' }], description: 'La France comme référence ; null si elle est parmi les territoires comparés.' },
				familles: array(object({ id: { type: 'string' }, nom: { type: 'string' }, nombre: { type: 'integer' } })),
				themes: array(object({ id: { type: 'string' }, nom: { type: 'string' }, nombre: { type: 'integer' } })),
				nombre_communs: { type: 'integer', description: 'Indicateurs publiés dans tous les territoires comparés, avant les filtres famille et theme.' },
				nombre: { type: 'integer', description: 'Indicateurs retenus après les filtres.' },
				indicateurs: array(ref('IndicateurCompare'))
			})
		]
	},
	Livraison: object({
		id: { type: 'integer' },
		importee_le: { type: 'string', format: 'date-time' },
		date_mise_a_jour_sources: nullable('string'),
		lignes_lues: { type: 'integer' },
		inserees: { type: 'integer' },
		revisees: { type: 'integer' },
		inchangees: { type: 'integer' },
		retirees: { type: 'integer', description: 'Valeurs retirées : absentes d’une livraison complète, ou ajoutées par la livraison qu’une annulation défait.' },
		ignorees: { type: 'integer', description: 'Lignes sans mesure (ni date ni valeur) ignorées.' },
		annule: nullable('integer', { description: 'Pour une annulation (npm run import -- --annuler) : le numéro de la livraison défaite.' }),
		note: nullable('string'),
		fichiers: array(object({ nom: { type: 'string' }, format: nullable('string'), type: nullable('string'), lignes: nullable('integer'), sha256: nullable('string') })),
		changements_csv: { type: 'string', description: 'Adresse du fichier des changements de la livraison.' }
	})
};

const withSource = (properties: Record<string, unknown>) => ({ allOf: [ref('SourceLicence'), object(properties)] });

const CACHE_HEADERS = {
	ETag: { $ref: '#/components/headers/ETag' },
	'Last-Modified': { $ref: '#/components/headers/Last-Modified' },
	'Cache-Control': { $ref: '#/components/headers/Cache-Control' },
	'Access-Control-Allow-Origin': { $ref: '#/components/headers/Access-Control-Allow-Origin' }
};
const DOWNLOAD_HEADERS = {
	...CACHE_HEADERS,
	'Content-Disposition': { $ref: '#/components/headers/Content-Disposition' },
	Link: { $ref: '#/components/headers/Link' }
};

function ok(description: string, contentType: string, schema: unknown, download = false, examples?: Record<string, unknown>) {
	return {
		description,
		headers: download ? DOWNLOAD_HEADERS : { ...CACHE_HEADERS, Link: { $ref: '#/components/headers/Link' } },
		content: { [contentType]: examples ? { schema, examples } : { schema } }
	};
}

const ERRORS = {
	'304': { $ref: '#/components/responses/NonModifie' },
	'400': { $ref: '#/components/responses/ParametreInvalide' },
	'405': { $ref: '#/components/responses/MethodeNonAutorisee' },
	'414': { $ref: '#/components/responses/RequeteTropLongue' }
};
const NOT_FOUND = { '404': { $ref: '#/components/responses/Introuvable' } };

function queryParameters(endpoint: Endpoint) {
	const variants = ENDPOINT_VARIANTS[endpoint] ?? {};
	return (ENDPOINT_PARAMETERS[endpoint] as readonly ParameterName[]).map((name) => ({ $ref: `#/components/parameters/${variants[name] ?? name}` }));
}

/** A 400 with examples of the refusals of one address. */
const refusals = (examples: Record<string, { erreur: string; parametre: string }>) => ({
	description: 'Paramètre manquant, inconnu, répété, vide ou invalide : le message dit quoi corriger, « parametre » nomme le paramètre en cause.',
	content: { 'application/json': { schema: ref('Erreur'), examples: Object.fromEntries(Object.entries(examples).map(([name, value]) => [name, { value }])) } }
});
const COMPARISON_HINT = `Donnez de ${MIN_COMPARED} à ${MAX_COMPARED} codes (France en plus) séparés par des virgules, par exemple territoires=R84,R93,D2A.`;
const COMPARISON_REFUSALS = refusals({
	manquant: { erreur: `Paramètre « territoires » manquant : indiquez les territoires à comparer. ${COMPARISON_HINT}`, parametre: 'territoires' },
	un_seul: { erreur: `Une comparaison demande au moins ${MIN_COMPARED} territoires : seul « R84 » est donné. ${COMPARISON_HINT}`, parametre: 'territoires' },
	trop: { erreur: `Une comparaison porte sur ${MAX_COMPARED} territoires au plus, France en plus : ${MAX_COMPARED + 1} sont donnés. ${COMPARISON_HINT}`, parametre: 'territoires' },
	inconnu: { erreur: 'Territoire « R99 » inconnu.', parametre: 'territoires' },
	famille: { erreur: 'Famille « inconnue » inconnue (voir /api/v1/indicateurs pour la liste).', parametre: 'famille' },
	parametre: { erreur: 'Paramètre inconnu « t » (paramètres acceptés : territoires, famille, theme, indicateur).', parametre: 't' }
});

const ID = (description: string, example: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' }, example });
const INDICATOR_ID = ID('Identifiant de l’indicateur.', 'IND-200');

interface Operation {
	summary: string;
	description: string;
	'x-exemple': string;
	parameters: unknown[];
	responses: Record<string, unknown>;
	operationId: string;
	tags: string[];
}

const get = (op: Operation) => ({ get: op });

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const paths = {
	'/indicateurs': get({
		operationId: 'listeIndicateurs',
		tags: ['Indicateurs'],
		summary: 'Liste des indicateurs',
		description: 'Chaque indicateur avec ses métadonnées : famille, politique, unité, sens, mailles disponibles, producteur, licence, liens de téléchargement.',
		'x-exemple': '/api/v1/indicateurs?famille=politiques-prioritaires',
		parameters: queryParameters('indicateurs'),
		responses: { '200': ok('Les indicateurs.', 'application/json', withSource({ nombre: { type: 'integer' }, indicateurs: array(ref('Indicateur')) })), ...ERRORS }
	}),
	'/indicateurs/{id}': get({
		operationId: 'indicateur',
		tags: ['Indicateurs'],
		summary: 'Un indicateur et son résumé national',
		description: 'Métadonnées de l’indicateur et, au niveau national : dernière valeur, valeur initiale, cibles, évolution, taux d’avancement et statut (null si l’indicateur n’a pas de valeur nationale).',
		'x-exemple': '/api/v1/indicateurs/IND-200',
		parameters: [INDICATOR_ID, ...queryParameters('indicateur')],
		responses: {
			'200': ok('L’indicateur.', 'application/json', withSource({ indicateur: ref('Indicateur'), national: { oneOf: [ref('Resume'), { type: 'null' }] } })),
			...ERRORS,
			...NOT_FOUND
		}
	}),
	'/indicateurs/{id}/valeurs.csv': get({
		operationId: 'valeursCsv',
		tags: ['Téléchargements'],
		summary: 'Valeurs d’un indicateur, CSV canonique',
		description:
			'Colonnes indicateur_id, indicateur, maille, code_territoire, territoire, date, valeur, unite ; UTF-8 sans BOM, virgule, point décimal, dates ISO. Le fichier se réimporte tel quel avec npm run import.',
		'x-exemple': '/api/v1/indicateurs/IND-200/valeurs.csv?maille=region',
		parameters: [INDICATOR_ID, ...queryParameters('valeurs')],
		responses: { '200': ok('Le fichier CSV.', CSV, { type: 'string' }, true), ...ERRORS, ...NOT_FOUND }
	}),
	'/indicateurs/{id}/valeurs.json': get({
		operationId: 'valeursJson',
		tags: ['Indicateurs'],
		summary: 'Valeurs d’un indicateur, JSON',
		description: 'Les mêmes lignes que le CSV, avec le qualificatif et la note de la source.',
		'x-exemple': '/api/v1/indicateurs/IND-200/valeurs.json?territoires=FR,R84,D2A&depuis=2023-01-01',
		parameters: [INDICATOR_ID, ...queryParameters('valeurs')],
		responses: {
			'200': ok(
				'Les valeurs.',
				'application/json',
				withSource({
					indicateur: object({ id: { type: 'string' }, nom: { type: 'string' }, unite: { type: 'string' }, sens: { type: 'string' } }),
					filtres: object({
						maille: nullable('string'),
						territoires: { oneOf: [array({ type: 'string' }), { type: 'null' }] },
						depuis: nullable('string'),
						jusqu_a: nullable('string'),
						livraison: nullable('integer', { description: 'Livraison dont les valeurs sont données (demandée, ou retenue pour « au ») ; null : les valeurs en vigueur, ou une date antérieure à toute livraison.' }),
						au: nullable('string')
					}),
					nombre: { type: 'integer' },
					valeurs: array(ref('Valeur'))
				})
			),
			...ERRORS,
			...NOT_FOUND
		}
	}),
	'/indicateurs/{id}/valeurs.xlsx': get({
		operationId: 'valeursXlsx',
		tags: ['Téléchargements'],
		summary: 'Valeurs d’un indicateur, classeur Excel',
		description: 'Feuille « valeurs » : les lignes du CSV (codes en texte, valeurs en nombres) ; feuille « informations » : source, licence, date de mise à jour, adresse.',
		'x-exemple': '/api/v1/indicateurs/IND-200/valeurs.xlsx',
		parameters: [INDICATOR_ID, ...queryParameters('valeurs')],
		responses: { '200': ok('Le classeur.', XLSX, { type: 'string', contentEncoding: 'binary' }, true), ...ERRORS, ...NOT_FOUND }
	}),
	'/indicateurs/{id}/cibles.csv': get({
		operationId: 'ciblesCsv',
		tags: ['Téléchargements'],
		summary: 'Valeurs initiales et cibles, CSV canonique',
		description: 'Colonnes indicateur_id, maille, code_territoire, type (initiale ou cible), date, valeur, qualificatif, source_id, note.',
		'x-exemple': '/api/v1/indicateurs/IND-200/cibles.csv?maille=national',
		parameters: [INDICATOR_ID, ...queryParameters('cibles')],
		responses: { '200': ok('Le fichier CSV.', CSV, { type: 'string' }, true), ...ERRORS, ...NOT_FOUND }
	}),
	'/indicateurs/{id}/cibles.json': get({
		operationId: 'ciblesJson',
		tags: ['Indicateurs'],
		summary: 'Valeurs initiales et cibles, JSON',
		description: 'Les mêmes lignes que cibles.csv.',
		'x-exemple': '/api/v1/indicateurs/IND-200/cibles.json?territoires=FR',
		parameters: [INDICATOR_ID, ...queryParameters('cibles')],
		responses: {
			'200': ok('Les valeurs initiales et cibles.', 'application/json', withSource({ indicateur: object({ id: { type: 'string' }, nom: { type: 'string' } }), nombre: { type: 'integer' }, cibles: array(ref('Cible')) })),
			...ERRORS,
			...NOT_FOUND
		}
	}),
	'/territoires': get({
		operationId: 'listeTerritoires',
		tags: ['Territoires'],
		summary: 'Liste des territoires',
		description: 'La France, les régions et les départements (code officiel géographique de l’INSEE), avec leur population.',
		'x-exemple': '/api/v1/territoires?maille=region',
		parameters: queryParameters('territoires'),
		responses: { '200': ok('Les territoires.', 'application/json', withSource({ nombre: { type: 'integer' }, territoires: array(ref('Territoire')) })), ...ERRORS }
	}),
	'/territoires/{id}': get({
		operationId: 'territoire',
		tags: ['Territoires'],
		summary: 'Un territoire et ses indicateurs',
		description: 'Le territoire et chaque indicateur qui y a une valeur ou une cible, avec son résumé dans ce territoire.',
		'x-exemple': '/api/v1/territoires/D2A',
		parameters: [ID('Code public du territoire : FR, R84, D2A.', 'R84'), ...queryParameters('territoire')],
		responses: {
			'200': ok(
				'Le territoire.',
				'application/json',
				withSource({
					territoire: ref('Territoire'),
					nombre: { type: 'integer' },
					indicateurs: array({ allOf: [ref('Indicateur'), object({ resume: ref('Resume') })] })
				})
			),
			...ERRORS,
			...NOT_FOUND
		}
	}),
	'/comparaison': get({
		operationId: 'comparaison',
		tags: ['Territoires'],
		summary: 'Comparaison de territoires',
		description: `La comparaison de la page /comparer : de ${MIN_COMPARED} à ${MAX_COMPARED} territoires (régions, départements, France) et la France en référence ; pour chaque indicateur publié dans tous, la dernière valeur de chacun (date, qualificatif), la valeur pour 100 000 habitants des montants, l’écart à la France, la cible et le taux d’avancement, le rang parmi les territoires de même maille. Indicateurs par famille puis par thème, comme sur la page ; valeurs dans l’ordre canonique des territoires (France, régions, départements, chacun par code, quel que soit l’ordre demandé), la France de référence en dernier. Filtres facultatifs famille, theme et indicateur (les listes familles et themes donnent ceux des indicateurs communs, avec leur nombre).`,
		'x-exemple': '/api/v1/comparaison?territoires=R84,R93,D2A',
		parameters: queryParameters('comparaison'),
		responses: {
			'200': ok('La comparaison.', 'application/json', ref('Comparaison'), false, { extrait: { $ref: '#/components/examples/Comparaison' } }),
			...ERRORS,
			...NOT_FOUND,
			'400': COMPARISON_REFUSALS
		}
	}),
	'/comparaison.csv': get({
		operationId: 'comparaisonCsv',
		tags: ['Téléchargements'],
		summary: 'Comparaison de territoires, CSV',
		description:
			'Ce que montre la page /comparer, une ligne par valeur (chaque territoire et la France, indicateur par indicateur, dans l’ordre de la page) : les colonnes du CSV canonique des valeurs (indicateur_id, indicateur, maille, code_territoire, territoire, date, valeur, unite), puis qualificatif, valeur_pour_100000_habitants, population et annee_population (la population utilisée et son année, pour les nombres et montants seulement), ecart_france (en points pour les pourcentages, pour 100 000 habitants pour les nombres), ecart_dates_differentes (oui, non), rang et territoires_classes (parmi les territoires de même maille à la même date), statut, statut_libelle et statut_date (la date de la valeur jugée), source, licence et source_mise_a_jour de l’indicateur. Avec « indicateur », les lignes de cet indicateur seulement (le lien « CSV » d’un indicateur sur la page). Le même fichier que les liens « CSV » de la page.',
		'x-exemple': '/api/v1/comparaison.csv?territoires=R84,R93,D2A&famille=politiques-prioritaires',
		parameters: queryParameters('comparaison'),
		responses: { '200': ok('Le fichier CSV.', CSV, { type: 'string' }, true), ...ERRORS, ...NOT_FOUND, '400': COMPARISON_REFUSALS }
	}),
	'/releases': get({
		operationId: 'livraisons',
		tags: ['Données'],
		summary: 'Historique des livraisons',
		description:
			'Chaque import de chiffres et chaque annulation, le plus récent d’abord : date, date de mise à jour des sources, lignes lues, insérées, révisées, retirées, inchangées, ignorées, fichiers, adresse des changements.',
		'x-exemple': '/api/v1/releases',
		parameters: queryParameters('releases'),
		responses: { '200': ok('Les livraisons.', 'application/json', withSource({ nombre: { type: 'integer' }, livraisons: array(ref('Livraison')) })), ...ERRORS }
	}),
	'/releases/{n}/changements.csv': get({
		operationId: 'changementsCsv',
		tags: ['Téléchargements'],
		summary: 'Changements d’une livraison, CSV',
		description:
			'Chaque valeur que la livraison a ajoutée, révisée ou retirée : colonnes indicateur_id, indicateur, maille, code_territoire, territoire, date, ancienne_valeur (vide pour un ajout), nouvelle_valeur (vide pour un retrait), nature (ajout, revision ou retrait). Trié par indicateur, maille, code, date.',
		'x-exemple': '/api/v1/releases/1/changements.csv',
		parameters: [
			{ name: 'n', in: 'path', required: true, description: 'Numéro de la livraison (voir /api/v1/releases).', schema: { type: 'string', pattern: '^[1-9][0-9]*$' }, example: '1' },
			...queryParameters('changements')
		],
		responses: { '200': ok('Le fichier CSV.', CSV, { type: 'string' }, true), ...ERRORS, ...NOT_FOUND }
	}),
	'/export.zip': get({
		operationId: 'export',
		tags: ['Téléchargements'],
		summary: 'Toutes les données',
		description:
			'Archive ZIP : valeurs.csv, cibles.csv, indicateurs.csv, avancements.csv, sources.csv, entites.csv au format canonique, datapackage.json (Frictionless Data, schéma de chaque fichier) et README.md (sources, licence, historique des livraisons). Avec « livraison » ou « au », valeurs.csv donne les valeurs telles qu’elles étaient alors ; les autres fichiers restent ceux d’aujourd’hui.',
		'x-exemple': '/api/v1/export.zip',
		parameters: queryParameters('export'),
		responses: { '200': ok('L’archive.', 'application/zip', { type: 'string', contentEncoding: 'binary' }, true), ...ERRORS }
	}),
	'/openapi.json': get({
		operationId: 'openapi',
		tags: ['Données'],
		summary: 'Ce document',
		description: 'La description OpenAPI 3.1 de l’API.',
		'x-exemple': '/api/v1/openapi.json',
		parameters: queryParameters('openapi'),
		responses: { '200': ok('Le document OpenAPI.', 'application/json', { type: 'object' }), ...ERRORS }
	})
};

export type ApiPath = keyof typeof paths;

export const OPENAPI_DOCUMENT = {
	openapi: '3.1.0',
	info: {
		title: 'API du Baromètre des résultats de l’action publique',
		version: '1.0.0',
		summary: 'Indicateurs, valeurs, cibles, territoires et comparaisons de territoires, en lecture seule.',
		description: [
			'API publique en lecture seule (GET, HEAD, OPTIONS ; CORS ouvert à toutes les origines).',
			'Chaque réponse porte ETag et Last-Modified (date du dernier import) et se met en cache 5 minutes ; une requête conditionnelle (If-None-Match, If-Modified-Since) reçoit 304 quand rien n’a changé.',
			`Les paramètres inconnus ou invalides sont refusés (400, avec le paramètre en cause) ; au plus ${MAX_TERRITORIES} territoires par requête (de ${MIN_COMPARED} à ${MAX_COMPARED} pour une comparaison) et ${MAX_QUERY_LENGTH} caractères de paramètres (414 au-delà).`,
			'Les cellules de texte qui commencent par =, +, -, @ sont précédées d’une apostrophe dans les CSV et classeurs (protection contre les formules) ; les nombres ne sont jamais modifiés.'
		].join('\n\n'),
		license: { name: ETALAB.nom, url: ETALAB.url }
	},
	servers: [{ url: '/api/v1' }],
	tags: [
		{ name: 'Indicateurs', description: 'Métadonnées, résumés et valeurs en JSON.' },
		{ name: 'Téléchargements', description: 'Fichiers CSV canoniques, classeurs, archive complète.' },
		{ name: 'Territoires', description: 'France, régions, départements, et leur comparaison.' },
		{ name: 'Données', description: 'Livraisons et description de l’API.' }
	],
	paths,
	components: {
		schemas,
		parameters: {
			...Object.fromEntries(
				(Object.keys(PARAMETERS) as ParameterName[]).map((name) => [
					name,
					{ name, in: 'query', required: false, description: PARAMETERS[name].description, schema: PARAMETERS[name].schema, example: PARAMETERS[name].example }
				])
			),
			...Object.fromEntries(
				(Object.keys(PARAMETER_VARIANTS) as VariantName[]).map((key) => {
					const { name, required, description, schema, example } = PARAMETER_VARIANTS[key];
					return [key, { name, in: 'query', required, description, schema, example }];
				})
			)
		},
		examples: {
			Comparaison: { summary: 'Extrait : Auvergne-Rhône-Alpes et Corse-du-Sud, un indicateur.', value: COMPARISON_EXAMPLE }
		},
		headers: {
			ETag: { description: 'Empreinte du contenu.', schema: { type: 'string' } },
			'Last-Modified': { description: 'Date du dernier import de données.', schema: { type: 'string' } },
			'Cache-Control': { description: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600 (caches partagés : 5 minutes, puis revalidation)', schema: { type: 'string' } },
			'Access-Control-Allow-Origin': { description: '*', schema: { type: 'string' } },
			'Content-Disposition': { description: 'Nom du fichier téléchargé, ex. IND-200-valeurs.csv.', schema: { type: 'string' } },
			Link: { description: 'Licence des données : <…>; rel="license".', schema: { type: 'string' } }
		},
		responses: {
			NonModifie: { description: 'Non modifié depuis la version que le client a déjà (If-None-Match ou If-Modified-Since).' },
			ParametreInvalide: { description: 'Paramètre inconnu, répété, vide ou invalide.', content: { 'application/json': { schema: ref('Erreur') } } },
			Introuvable: { description: 'Identifiant inconnu.', content: { 'application/json': { schema: ref('Erreur') } } },
			MethodeNonAutorisee: { description: 'Méthode autre que GET, HEAD ou OPTIONS.', content: { 'application/json': { schema: ref('Erreur') } } },
			RequeteTropLongue: { description: `Paramètres de plus de ${MAX_QUERY_LENGTH} caractères.`, content: { 'application/json': { schema: ref('Erreur') } } }
		}
	}
} as const;

export interface ReferenceEndpoint {
	path: string;
	tag: string;
	summary: string;
	description: string;
	example: string;
	parameters: { name: string; where: 'chemin' | 'requête'; required: boolean; description: string; example: string }[];
	/** Content types of the 200 response. */
	formats: string[];
	/** Error statuses the endpoint may answer. */
	statuses: string[];
}

/** The document flattened for the /donnees/api page: one entry per address, references resolved. */
export function apiReference(): ReferenceEndpoint[] {
	const components = OPENAPI_DOCUMENT.components.parameters as Record<string, { name: string; required?: boolean; description: string; example: string }>;
	return Object.entries(OPENAPI_DOCUMENT.paths).map(([path, item]) => {
		const op = item.get as unknown as Operation;
		const parameters = op.parameters.map((p) => {
			const param = ('$ref' in (p as object) ? components[(p as { $ref: string }).$ref.split('/').pop()!] : p) as {
				name: string;
				in?: string;
				required?: boolean;
				description: string;
				example: string;
			};
			return {
				name: param.name,
				where: param.in === 'path' ? ('chemin' as const) : ('requête' as const),
				required: param.required === true,
				description: param.description,
				example: param.example
			};
		});
		const success = op.responses['200'] as { content: Record<string, unknown> };
		return {
			path: `/api/v1${path}`,
			tag: op.tags[0],
			summary: op.summary,
			description: op.description,
			example: op['x-exemple'],
			parameters,
			formats: Object.keys(success.content),
			statuses: Object.keys(op.responses).filter((s) => s !== '200')
		};
	});
}

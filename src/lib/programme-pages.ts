/** The DITP programme pages: their address, title and one-sentence description (the programmes index and the search show them). */
export const PROGRAMME_PAGE_TEXTS = [
	{
		slug: 'laboratoires',
		title: "Laboratoires d'innovation territoriale",
		text: "Où sont les laboratoires de l'État, quand ils ont été créés, ce qu'ils ont fait : carte par région, liste, chiffres du réseau."
	},
	{
		slug: 'budgets',
		title: 'Budgets : FTAP et France Relance',
		text: "Le Fonds pour la transformation de l'action publique : appels à projets, lauréats, crédits votés, ouverts et consommés ; les enveloppes de France Relance."
	},
	{
		slug: 'complexite',
		title: 'Complexité administrative',
		text: 'Ce que les particuliers et les entreprises pensent de leurs démarches, par événement de vie et par vague du baromètre.'
	},
	{
		slug: 'services-publics-plus',
		title: 'Services Publics+',
		text: 'Satisfaction des usagers dans le temps, France services par département, baromètre 2025 par service, transparence des résultats.'
	}
] as const;

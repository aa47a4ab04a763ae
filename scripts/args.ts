/** Minimal argument parsing for the project's commands: `--flag`, `--option value`, positionals. */
export interface ParsedArgs {
	flags: Record<string, boolean>;
	options: Record<string, string | undefined>;
	/** Options that may repeat (e.g. --indicateur A --indicateur B). */
	lists: Record<string, string[]>;
	positional: string[];
	help: boolean;
	error: string | null;
}

export function parseArgs(argv: string[], spec: { flags?: string[]; options?: string[]; lists?: string[] }): ParsedArgs {
	const out: ParsedArgs = { flags: {}, options: {}, lists: {}, positional: [], help: false, error: null };
	for (const f of spec.flags ?? []) out.flags[f] = false;
	for (const l of spec.lists ?? []) out.lists[l] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) {
			out.positional.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (name === 'help') out.help = true;
		else if (spec.flags?.includes(name)) out.flags[name] = true;
		else if (spec.options?.includes(name) || spec.lists?.includes(name)) {
			const value = inline ?? argv[++i];
			if (value === undefined) {
				out.error = `--${name} attend une valeur`;
				break;
			}
			if (spec.lists?.includes(name)) out.lists[name].push(value);
			else out.options[name] = value;
		} else {
			out.error = `option inconnue : ${arg}`;
			break;
		}
	}
	return out;
}
